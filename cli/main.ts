// The `aiguard` command: parse, call a library function, map errors to exit codes. Library code
// never exits the process; 0 = no mandatory violation, 1 = mandatory violations, 2 = bad usage or input.
import { Command, CommanderError, Option } from "commander";
import { stopCaptureWorkers } from "../harness/capture/capture";
import { InputError, UsageError } from "../harness/errors";
import { killAllPacks } from "../harness/pack-process";
import { analyze } from "./commands/analyze";
import { listPolicies, showCoverage, showCrosswalk } from "./commands/policies";
import { parseTimeout, preview } from "./commands/preview";
import { type Io, processIo } from "./io";
import { parseFormat, parseGroupBy, type RunOptions, reportFormats } from "./options";
import { toolVersion } from "./paths";

const collect = (value: string, previous: string[]) => [...previous, value];

function runOptions(opts: Record<string, unknown>): RunOptions {
    return {
        formats: ((opts.format as string[] | undefined) ?? []).map(parseFormat),
        outputs: (opts.output as string[] | undefined) ?? [],
        ...(typeof opts.outputDir === "string" ? { outputDir: opts.outputDir } : {}),
        ...(typeof opts.groupBy === "string" ? { groupBy: parseGroupBy(opts.groupBy) } : {}),
        ...(typeof opts.policyConfig === "string" ? { policyConfig: opts.policyConfig } : {}),
        ...(typeof opts.policyPack === "string" ? { policyPack: opts.policyPack } : {}),
        aiTag: (opts.aiTag as string[]) ?? [],
        businessTag: (opts.businessTag as string[]) ?? [],
        strict: opts.strict === true,
    };
}

function addRunOptions(cmd: Command): Command {
    return cmd
        .option(
            "--format <format>",
            `report format, repeatable: ${reportFormats.join(", ")} (default: text)`,
            collect,
            [],
        )
        .option(
            "--output <file>",
            "write the report to a file instead of stdout; with several formats, FORMAT=FILE (repeatable)",
            collect,
            [],
        )
        .option("--output-dir <dir>", "write each format without an --output to DIR/aiguard-report.<ext>")
        .option("--group-by <key>", "group text and markdown findings by control, framework, layer, area or resource")
        .option("--policy-config <file>", "policy config, as for pulumi preview --policy-pack-config")
        .option("--ai-tag <key[=value]>", "tag that marks AI-system resources (repeatable)", collect, [])
        .option("--business-tag <key[=value]>", "tag that marks business-system resources (repeatable)", collect, [])
        .option("--policy-pack <dir>", "policy pack directory (default: the aiguard pack)")
        .option("--strict", "exit 1 also when a check is undecided because a value is unknown during preview");
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
    let exitCode = 0;
    const program = new Command("aiguard")
        .description("Policy-as-code for AI systems on AWS and Azure, run offline against Pulumi programs and state.")
        .version(toolVersion)
        .exitOverride()
        .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
        .showHelpAfterError(false);

    addRunOptions(
        program
            .command("preview")
            .description(
                "run a Pulumi TypeScript/JavaScript program offline with the pack enforced, as pulumi preview --policy-pack does",
            )
            .argument("[program-dir]", "directory with Pulumi.yaml", ".")
            .option("--stack <name>", "stack whose Pulumi.<stack>.yaml config to use", "dev")
            .option("--timeout <seconds>", "stop the program if it has not finished after this many seconds", "120"),
    ).action(async (dir: string, opts: Record<string, unknown>) => {
        const previewOptions = { stack: String(opts.stack), timeoutSeconds: parseTimeout(String(opts.timeout)) };
        exitCode = await preview(dir, previewOptions, runOptions(opts), io);
    });

    addRunOptions(
        program
            .command("analyze")
            .description("evaluate the pack against a state file written by pulumi stack export")
            .requiredOption("--file <state.json>", "state file"),
    ).action(async (opts: Record<string, unknown>) => {
        exitCode = await analyze(String(opts.file), runOptions(opts), io);
    });

    program
        .command("policies")
        .description("list the pack's policies with their area, layer, severity, controls and peers")
        .addOption(
            new Option(
                "--format <format>",
                "text, json, markdown (the policy reference) or crosswalk (one framework's controls and the checks that evidence them)",
            ).default("text"),
        )
        .option("--framework <key>", "with --format crosswalk: the framework, e.g. nist-800-53 or mitre-atlas")
        .option("--output <file>", "write the listing to a file instead of stdout")
        .action((opts: Record<string, unknown>) => {
            const format = String(opts.format);
            const output = typeof opts.output === "string" ? opts.output : undefined;
            if (format === "crosswalk") {
                exitCode = showCrosswalk(opts.framework, io, output);
                return;
            }
            if (format !== "text" && format !== "json" && format !== "markdown") {
                throw new UsageError(`--format must be text, json, markdown or crosswalk, not '${format}'`);
            }
            exitCode = listPolicies(format, io, output);
        });

    program
        .command("coverage")
        .description("show which AI checks of Checkov, Prowler, Security Hub and Azure Policy the pack covers")
        .addOption(new Option("--format <format>", "markdown or json").default("markdown"))
        .option("--output <file>", "write to a file instead of stdout")
        .action((opts: Record<string, unknown>) => {
            const format = String(opts.format);
            if (format !== "markdown" && format !== "json") {
                throw new UsageError(`--format must be markdown or json, not '${format}'`);
            }
            exitCode = showCoverage(format, io, typeof opts.output === "string" ? opts.output : undefined);
        });

    try {
        await program.parseAsync([...argv], { from: "user" });
        return exitCode;
    } catch (e) {
        if (e instanceof CommanderError) {
            // Help and version are successful exits; every other parse problem is bad usage.
            return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help"
                ? 0
                : 2;
        }
        if (e instanceof UsageError || e instanceof InputError) {
            io.stderr(`aiguard: ${e.message}\n`);
            return 2;
        }
        io.stderr(`aiguard: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
    }
}

// Interrupted: stop the pack processes now (they run in their own process groups, so the terminal's
// signal does not reach them) and exit with the conventional status, 128 + the signal number.
const stopSignals: ReadonlyArray<readonly [NodeJS.Signals, number]> = [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
];

export function installSignalHandlers(): void {
    for (const [signal, code] of stopSignals) {
        process.once(signal, () => {
            killAllPacks();
            stopCaptureWorkers();
            process.exit(code);
        });
    }
}

export function run(): void {
    installSignalHandlers();
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (e) => {
            process.stderr.write(`aiguard: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
            process.exitCode = 2;
        },
    );
}
