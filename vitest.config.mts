import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["policy-pack/**/*.test.ts", "tests/**/*.test.ts", "components/**/*.test.ts"],
        // Each test file starts its own pack process; two cores run two files at once.
        pool: "forks",
        maxWorkers: 2,
        // Previews type-check the program as `pulumi preview` does, which takes seconds per program.
        testTimeout: 180_000,
        hookTimeout: 60_000,
    },
});
