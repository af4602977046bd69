/** A file `apmdm plot` writes: its name inside the output folder and its full text. */
export interface PlotFile {
  readonly name: string;
  readonly text: string;
}
