// Benchmarks of what platform teams wait for: pack cold start (spawn to port, precompiled), Analyze
// per resource, AnalyzeStack over large stacks, and an offline preview of the reference program.
// Run with `npm run bench`; prints a table and writes bench/results.json.
import * as fs from "node:fs";
import * as path from "node:path";
import { captureProgram } from "../harness/capture/capture";
import { PackSession } from "../harness/engine";
import { engineUrn, type ResourceSnapshot, secret, unknownString } from "../harness/model";
import { startPack } from "../harness/pack-process";

const root = path.resolve(__dirname, "..", "..");
const packDir = path.join(root, "policy-pack");
const project = "bench";
const stack = "dev";
const rootUrn = engineUrn(stack, project, "pulumi:pulumi:Stack", `${project}-${stack}`);

function stats(samples: number[]) {
    const s = [...samples].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
    return { n: s.length, min: s[0] as number, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] as number };
}

/** A synthetic AI estate: per group a bucket with its controls, a notebook, an endpoint config, an SG. */
function estate(groups: number): ResourceSnapshot[] {
    const out: ResourceSnapshot[] = [
        {
            urn: rootUrn,
            type: "pulumi:pulumi:Stack",
            name: `${project}-${stack}`,
            custom: false,
            inputs: {},
            outputs: {},
            dependencies: [],
            propertyDependencies: {},
        },
    ];
    const add = (type: string, name: string, inputs: ResourceSnapshot["inputs"], pd: Record<string, string[]> = {}) => {
        const urn = engineUrn(stack, project, type, name, rootUrn);
        out.push({
            urn,
            type,
            name,
            custom: true,
            parent: rootUrn,
            inputs,
            outputs: inputs,
            dependencies: [...new Set(Object.values(pd).flat())],
            propertyDependencies: pd,
        });
        return urn;
    };
    for (let i = 0; i < groups; i++) {
        const tags = { "aiguard:system": i % 2 === 0 ? "ai" : "business", team: `t${i}` };
        const bucket = add("aws:s3/bucket:Bucket", `bucket-${i}`, { tags });
        add(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            `pab-${i}`,
            {
                bucket: unknownString,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            { bucket: [bucket] },
        );
        add(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            `sse-${i}`,
            {
                bucket: unknownString,
                rules: [
                    { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: unknownString } },
                ],
            },
            { bucket: [bucket] },
        );
        const sg = add("aws:ec2/securityGroup:SecurityGroup", `sg-${i}`, {
            ingress: [
                {
                    protocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrBlocks: [i % 3 === 0 ? "0.0.0.0/0" : "10.0.0.0/16"],
                },
            ],
            tags,
        });
        add(
            "aws:sagemaker/notebookInstance:NotebookInstance",
            `nb-${i}`,
            {
                instanceType: "ml.t3.medium",
                roleArn: unknownString,
                directInternetAccess: i % 4 === 0 ? "Enabled" : "Disabled",
                securityGroups: [unknownString],
                kmsKeyId: secret("arn:aws:kms:us-east-1:123456789012:key/abc"),
            },
            { securityGroups: [sg] },
        );
        add(
            "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
            `ec-${i}`,
            {
                productionVariants: [{ modelName: unknownString, variantName: "a" }],
                dataCaptureConfig: {
                    enableCapture: true,
                    initialSamplingPercentage: 100,
                    destinationS3Uri: unknownString,
                    kmsKeyId: unknownString,
                    captureOptions: [{ captureMode: "Input" }, { captureMode: "Output" }],
                },
            },
            { dataCaptureConfig: [bucket] },
        );
    }
    return out;
}

async function main() {
    const results: Record<string, unknown> = { node: process.version, cpus: require("node:os").cpus().length };
    const log = (label: string, value: unknown) => {
        results[label] = value;
        console.log(`${label.padEnd(44)} ${JSON.stringify(value)}`);
    };

    const startTimes = async (dir: string) => {
        const samples: number[] = [];
        for (let i = 0; i < 7; i++) {
            const pack = await startPack({ packDir: dir, project, stack, dryRun: true });
            samples.push(Math.round(pack.startMs));
            await pack.close();
        }
        return stats(samples);
    };
    log("aiguard pack start, spawn to port (ms)", await startTimes(packDir));
    log("empty pack start, same path (ms)", await startTimes(path.join(root, "bench", "baseline-pack")));

    const session = await PackSession.open({ packDir, project, stack, dryRun: true });
    try {
        for (const groups of [50, 333, 1667]) {
            const resources = estate(groups);
            const analyzed = resources.length - 1;
            const started = process.hrtime.bigint();
            const result = await session.run({ resources, dryRun: true });
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            log(`preview of ${resources.length} resources (ms)`, {
                total: Math.round(ms),
                perResource: Number((ms / analyzed).toFixed(3)),
                analyzePerResource: Number((result.timings.analyzeMs / analyzed).toFixed(3)),
                analyzeStackMs: Math.round(result.timings.stackMs),
                diagnostics: result.diagnostics.length,
            });
        }
    } finally {
        await session.close();
    }

    const capture = await captureProgram(root, { stack: "dev" });
    log("capture of the reference program (ms)", { program: capture.programMs, total: capture.captureMs });

    fs.writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
