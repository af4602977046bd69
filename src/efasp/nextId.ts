let counter = 0;

/** A fresh id for a feature or head: ids only order nodes, they carry no meaning. */
export function nextId(): number {
  counter += 1;
  return counter;
}
