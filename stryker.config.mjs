// Mutation testing of the policy logic: `npm run mutation` (long; not part of `npm test`).
// Narrow a run with `npm run mutation -- --mutate 'policy-pack/core/values.ts'`.
//
// Why the tests run the pack in process: the harness tests normally start the pack from the esbuild
// bundle in a child process, as the engine does, and Stryker's instrumented sources never run there,
// so every mutant would survive. With AIGUARD_PACK_IN_PROCESS=1 (vitest.mutation.config.mts), the test
// process imports policy-pack/index.ts itself: @pulumi/policy's serve() starts the SDK's own gRPC
// server in that process, and the harness drives it over gRPC exactly as before. Requests are still
// encoded by the harness and decoded by the SDK's deserializer, policies still see the SDK's proxies,
// and the same assertions judge the same diagnostics; only the process boundary is gone. Calling the
// policies' validate functions directly would skip the SDK's decoding, unknown handling and config, so
// mutants there would be judged against a path the engine never takes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    testRunner: "vitest",
    vitest: { configFile: "vitest.mutation.config.mts", related: false },
    // `npm run mutation:sample` names its sample in AIGUARD_MUTATION_SAMPLE; the ignorer then keeps only
    // the sampled mutants of the ranges it passes with --mutate (tools/mutation-sample-ignorer.mjs).
    plugins: [
        "@stryker-mutator/vitest-runner",
        ...(process.env.AIGUARD_MUTATION_SAMPLE ? ["./tools/mutation-sample-ignorer.mjs"] : []),
    ],
    ignorers: process.env.AIGUARD_MUTATION_SAMPLE ? ["sampled-mutants-only"] : [],
    mutate: [
        "policy-pack/core/**/*.ts",
        "policy-pack/shared/**/*.ts",
        "policy-pack/policies/**/*.ts",
        "!**/*.test.ts",
        // Generated or declarative data: framework catalogs, the peer catalog, citations tables.
        "!policy-pack/core/frameworks.ts",
        "!policy-pack/core/vocabulary.ts",
        "!policy-pack/policies/**/index.ts",
        "!policy-pack/policies/index.ts",
    ],
    // Metadata objects (descriptions, citations, remediation text) are data; mutating their strings
    // yields mutants only the docs catalog test could see. Logic mutants are what this run is for.
    mutator: { excludedMutations: ["StringLiteral", "ObjectLiteral", "ArrayDeclaration"] },
    coverageAnalysis: "perTest",
    concurrency: 1,
    timeoutMS: 60_000,
    // The initial run executes every pack test with per-test coverage, in one process: well over
    // Stryker's default five minutes on a 2-core machine.
    dryRunTimeoutMinutes: 60,
    thresholds: { high: 90, low: 80, break: null },
    reporters: ["clear-text", "progress", "json", "html"],
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    htmlReporter: { fileName: "reports/mutation/mutation.html" },
    tempDirName: ".stryker-tmp",
    cleanTempDir: true,
};
