import fc from 'fast-check';

/**
 * Property tests run from a fixed seed so a run is repeatable; set FC_SEED to explore others
 * (a failure prints the seed and path that reproduce it).
 */
fc.configureGlobal({
  seed: Number(process.env.FC_SEED ?? 20261123),
  numRuns: Number(process.env.FC_RUNS ?? 200),
});
