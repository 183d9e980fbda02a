import { defineConfig } from "vitest/config";

// Mutation testing (stryker.config.mjs): the tests that drive policies through the pack, with the pack
// served inside the test process so that the sources Stryker instruments are the ones that run.
export default defineConfig({
    test: {
        // AIGUARD_MUTATION_TESTS (comma-separated globs) narrows the tests of a partial run.
        include: process.env.AIGUARD_MUTATION_TESTS?.split(",") ?? [
            "policy-pack/**/*.test.ts",
            "tests/verdicts.test.ts",
            "tests/non-ai-stacks.test.ts",
        ],
        env: { AIGUARD_PACK_IN_PROCESS: "1" },
        testTimeout: 180_000,
        hookTimeout: 60_000,
    },
});
