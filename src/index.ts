/**
 * apmdm as a library: the stable public surface (docs/api.md is the tour). Everything not exported here is
 * internal and may change; package.json's `exports` lets nothing else be imported.
 */

// ── Errors: everything a user can cause is a UserError with a stable `code` ──────────────────────────
export { UserError } from "./errors.js";
export { PramError, type PramErrorKind, type PramErrorDetail } from "./pram/pramError.js";
export { EfaspError } from "./efasp/EfaspError.js";
export { ModelError } from "./transformer/ModelError.js";
export { MdmError } from "./mdm/MdmError.js";
export { ApMdmError } from "./ap-mdm/ApMdmError.js";
export { Thm2Error } from "./thm2/Thm2Error.js";
export { CircuitError, type CircuitErrorKind } from "./circuit/CircuitError.js";
export { SamplingError } from "./sampling/SamplingError.js";
export { NonFiniteError, type NonFiniteSite } from "./transformer/NonFiniteError.js";

// ── PRAM: parse or build a program, instantiate it at n, run it with meters ──────────────────────────
export { parseProgram } from "./pram/parseProgram.js";
export { loadProgram, PROGRAMS_DIR } from "./pram/loadProgram.js";
export { library } from "./pram/library/index.js";
export type { LibraryEntry } from "./pram/library/libraryEntry.js";
export { buildProgram, type ProgramSpec } from "./pram/buildProgram.js";
/** The TS program builder's operands and instructions: `asm.LOAD(asm.r(0), asm.at(asm.pid))`. */
export * as asm from "./pram/asm.js";
export { instantiate, LIMITS } from "./pram/instantiate.js";
export { runPram, type PramRun } from "./pram/runPram.js";
export type { PramProgram, PramHeader, PramExpect } from "./pram/pramProgram.js";
export type { PramInstance } from "./pram/pramInstance.js";
export type { PramStep, ProcessorAction } from "./pram/pramStep.js";
export { METER_NAMES, type PramMeters } from "./pram/pramMeters.js";
export type { Instruction, Source, AluOp, ShiftOp } from "./pram/instruction.js";
export { CONFLICT_MODES, type ConflictMode } from "./pram/conflictMode.js";

// ── E-FASP: build features, evaluate them directly, compile them to weights ──────────────────────────
/** The DSL: `efasp.token`, `efasp.position`, `efasp.compare`, `efasp.attend`, … */
export * as efasp from "./efasp/dsl.js";
export type { EfaspProgram, EfaspOutput } from "./efasp/efaspProgram.js";
export type { Feature, TokenFeature, PositionFeatureNode, LocalFeature, AggregateFeature, LocalOp, Comparison, Linear, ScoreTerm } from "./efasp/feature.js";
export { evaluate, type Evaluation } from "./efasp/evaluate.js";
export { compile, type Compiled, type CompileReport } from "./efasp/compile.js";
export { printProgram } from "./efasp/printProgram.js";

// ── The runtime: a generic encoder-only transformer over Float64Array and its files ─────────────────
export { forward, type ForwardOptions, type ForwardResult, type ForwardCapture, type ForwardMeter } from "./transformer/forward.js";
export { loadModel } from "./transformer/loadModel.js";
export { saveModel } from "./transformer/saveModel.js";
export { randomTransformer } from "./transformer/randomTransformer.js";
export { parameterCount } from "./transformer/parameterCount.js";
export type { Transformer, TransformerWeights, LayerWeights, HeadWeights } from "./transformer/transformerWeights.js";
export type { TransformerConfig, LayerConfig, HeadConfig, AttentionKind } from "./transformer/transformerConfig.js";
export type { PositionFeature } from "./transformer/positionFeature.js";
export { positionValue } from "./transformer/positionValue.js";
export { MODEL_LIMITS } from "./transformer/modelLimits.js";
/** The decoding session: one forward pass per step that recomputes only what the changed positions can reach. */
export { ForwardSession, type ForwardSessionOptions, type SessionPass } from "./transformer/ForwardSession.js";
export type { LogitCache } from "./transformer/LogitCache.js";
export { FORWARD_ENGINES, type ForwardEngine } from "./transformer/forwardEngine.js";

// ── Decoding processes: MDM, Masked-ARM, ARM, AP-MDM, over any predictor ───────────────────────────
export type { Predictor, Prediction } from "./mdm/predictor.js";
export { weightsPredictor } from "./mdm/weightsPredictor.js";
export { evaluatorPredictor } from "./mdm/evaluatorPredictor.js";
export { compiledPredictor, type ModelShape } from "./mdm/compiledPredictor.js";
export { decodeMdm, type MaskedDecode, type DecodeResult, type DecodeOptions } from "./mdm/decodeMdm.js";
export { decodeArm } from "./mdm/decodeArm.js";
export { decodeApMdm, type ApMdmDecode, type ApMdmDecodeOptions, type ApMdmMeters, type ApMdmTrace } from "./ap-mdm/decodeApMdm.js";
export { transition, type Transition, type ControlBits } from "./ap-mdm/transition.js";
export { EDIT_KINDS, type EditScript, type EditKind } from "./ap-mdm/editScript.js";
export type { TieBreak } from "./ap-mdm/tieBreak.js";

// ── Constructions: Theorems 1, 3, 4, 5 as E-FASP programs, and simulate = construct ▷ compile ▷ decode
export { simulate, type SimulateOptions, type Simulation } from "./mdm/simulate.js";
export { DECODE_MODELS, type DecodeModel, type MdmRun, type MdmMeters } from "./mdm/mdmRun.js";
export { constructMdm, type MdmConstruction } from "./mdm/thm1/constructMdm.js";
export { decodeThm1, type Thm1Decode } from "./mdm/thm1/decodeThm1.js";
export { toMaskedArm, type MaskedArm, type UnmaskOrder } from "./mdm/thm3/toMaskedArm.js";
export { constructApMdm, type ApMdmConstruction } from "./ap-mdm/thm4/constructApMdm.js";
export { decodeThm4, type Thm4Decode } from "./ap-mdm/thm4/decodeThm4.js";
export { dyckProgram, type DyckConstruction } from "./ap-mdm/dyck/dyckProgram.js";
export { sampleDyck, type DyckSample } from "./ap-mdm/dyck/sampleDyck.js";
export { isTwoSidedDyck, allTwoSidedDyck, freeReduce } from "./ap-mdm/dyck/twoSidedDyck.js";
export { computeParity, type ParityRun } from "./ap-mdm/parity/computeParity.js";
export { parityProgram } from "./ap-mdm/parity/parityProgram.js";
export { solveMaxflow, type MaxflowRun } from "./ap-mdm/maxflow/solveMaxflow.js";
export { maxflowProgram, type MaxflowConstruction } from "./ap-mdm/maxflow/maxflowProgram.js";
export { parseFlowGraph } from "./ap-mdm/maxflow/parseFlowGraph.js";
export { loadFlowGraph } from "./ap-mdm/maxflow/loadFlowGraph.js";
export { randomFlowGraph } from "./ap-mdm/maxflow/randomFlowGraph.js";
export { certifyMaxflow } from "./ap-mdm/maxflow/certifyMaxflow.js";
export type { FlowGraph } from "./ap-mdm/maxflow/flowGraph.js";
/** Theorem 2: a model's MDM decode of a canvas as a single-processor PRAM program. */
export { compileThm2, type Thm2Program } from "./thm2/compileThm2.js";
export { runThm2, type Thm2Run, type Thm2Outcome } from "./thm2/runThm2.js";

// ── Circuits: parse, build or pick a Boolean circuit with random input bits, and its exact distribution ──
export type { Circuit, Gate, GateOp } from "./circuit/circuit.js";
export { ARITY, applyGate } from "./circuit/circuit.js";
export { parseCircuit } from "./circuit/parseCircuit.js";
export { loadCircuit, DEFAULT_N } from "./circuit/loadCircuit.js";
export { buildCircuit, type CircuitBuilder, type Wire } from "./circuit/buildCircuit.js";
export { circuitLibrary } from "./circuit/library/index.js";
export type { CircuitEntry } from "./circuit/library/circuitEntry.js";
export { evaluateCircuit } from "./circuit/evaluateCircuit.js";
export { circuitShape, type CircuitShape } from "./circuit/circuitShape.js";
export { circuitDistribution, MAX_ENUMERATED_BITS } from "./circuit/circuitDistribution.js";
export { formatCircuit } from "./circuit/formatCircuit.js";

// ── Sampling: a circuit's distribution sampled by a compiled MDM, ARM or AP-MDM, and computed exactly ──
export { buildSampler, samplerPredictor, SAMPLER_MODELS, type Sampler, type SamplerModel, type DecodeKind } from "./sampling/sampler.js";
export { sampleOnce, type SampleRun } from "./sampling/sampleOnce.js";
export { exactDistribution, type ExactRun } from "./sampling/exactDistribution.js";
export { sameDistribution, formatDistribution, type Distribution } from "./sampling/distribution.js";
export { formatRational, rationalValue, type Rational } from "./plot/rational.js";
export { chiSquare, type GoodnessOfFit } from "./sampling/chiSquare.js";

// ── Experiments: the AP-MDM paper's tasks as exact constructions (Sudoku here; max-flow above) ──────────
export { solveSudoku, SUDOKU_MAX_STEPS, type SudokuSolve, type SudokuOutcome, type SudokuMeters } from "./experiments/sudoku/solveSudoku.js";
export { parsePuzzle, formatGrid, type Grid } from "./experiments/sudoku/parsePuzzle.js";
export { readPuzzleFile, SUDOKU_DATA_DIR, type NumberedPuzzle } from "./experiments/sudoku/readPuzzleFile.js";
export { countSolutions } from "./experiments/sudoku/countSolutions.js";
export { isSolution } from "./experiments/sudoku/isSolution.js";
export { sudokuProgram } from "./experiments/sudoku/sudokuProgram.js";
export { sudokuModel } from "./experiments/sudoku/sudokuModel.js";
export { rulesPredictor as sudokuRulesPredictor } from "./experiments/sudoku/rulesPredictor.js";
export { SUDOKU_VOCAB } from "./experiments/sudoku/sudokuVocabulary.js";

// ── Proofs: each theorem as a named check that reports fitted constants ─────────────────────────────
export { proveThm1 } from "./proofs/thm1.js";
export { proveThm2 } from "./proofs/thm2.js";
export { proveThm3 } from "./proofs/thm3.js";
export { proveThm4 } from "./proofs/thm4.js";
export { proveThm5 } from "./proofs/thm5.js";
export type { ProofReport, ProofSettings, ProofCheck, FittedBound, FittedConstant, Margin, Counterexample, TheoremId } from "./proofs/proofReport.js";
export { proveSampling } from "./proofs/sampling.js";
export { proveMaxflow } from "./proofs/maxflow.js";
export { proveExperiments, type ExperimentResult } from "./proofs/experiments.js";
export { pramOutcome, decodeOutcome } from "./proofs/simulationOutcome.js";
export { taskPool, inThread, type TaskPool } from "./parallel/taskPool.js";
export type { SweepTask, SweepTaskResults } from "./parallel/sweepTask.js";

// ── fast-check arbitraries, for properties of your own ───────────────────────────────────────────────
export { arbitraryInstance, arbitraryInput } from "./pram/arbitraryInstance.js";
export { arbitraryProgram, arbitraryTokens, MAX_GENERATED_LENGTH, type GeneratedProgram, type Recipe } from "./efasp/arbitraryProgram.js";
export { arbitraryPositionFeature } from "./transformer/arbitraryPositionFeature.js";
export { arbitraryCircuit, type ArbitraryCircuitLimits } from "./circuit/arbitraryCircuit.js";
export { arbitraryPuzzle } from "./experiments/sudoku/arbitraryPuzzle.js";

// ── The step viewer: a traced simulation as a self-contained HTML page (what `apmdm view` writes) ──────
export { simulationViewer } from "./view/simulationViewer.js";
export { samplingViewer } from "./view/samplingViewer.js";
export { apMdmTraceViewer, type ApMdmTask } from "./view/apMdmTraceViewer.js";
export { viewerData, type ViewerData, type ViewerInput } from "./view/viewerData.js";
export { viewerPage } from "./view/viewerPage.js";
