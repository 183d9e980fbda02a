// The common tail of `preview` and `analyze`: run the pack over resources, build and emit the report.
import * as fs from "node:fs";
import * as path from "node:path";
import { analyzeOnce } from "../../harness/engine";
import { InputError } from "../../harness/errors";
import type { ResourceSnapshot } from "../../harness/model";
import { policies } from "../../policy-pack/policies";
import { defaultAiTags, defaultBusinessTags } from "../../policy-pack/shared/classification";
import { findingLayers } from "../finding-layers";
import type { Io } from "../io";
import { type RunOptions, readPolicyConfig, tagSelectors, withTagSelectors } from "../options";
import { defaultPackDir, toolVersion } from "../paths";
import { renderJson } from "../render/json";
import { renderSarif } from "../render/sarif";
import { renderText } from "../render/text";
import { buildReport, type Mode } from "../report";
import { unmatchedResourceWaivers } from "../waiver-check";

export interface EvaluateInput {
    readonly mode: Mode;
    readonly project: string;
    readonly stack: string;
    readonly resources: ResourceSnapshot[];
    readonly config: Record<string, string>;
}

export async function evaluateAndReport(input: EvaluateInput, options: RunOptions, io: Io): Promise<number> {
    const packDir = path.resolve(options.policyPack ?? defaultPackDir);
    const policyConfig = withTagSelectors(readPolicyConfig(options.policyConfig), policies, options);
    const dryRun = input.mode === "preview";
    const showProgress = io.stderrIsTty && input.resources.length >= 500;
    const { info, result } = await analyzeOnce(
        { packDir, project: input.project, stack: input.stack, dryRun, config: input.config },
        {
            resources: input.resources,
            dryRun,
            config: input.config,
            ...(policyConfig
                ? { policyConfig, policyConfigOrigin: options.policyConfig ?? "--ai-tag/--business-tag" }
                : {}),
            ...(showProgress
                ? {
                      onProgress: (done: number, total: number) => {
                          if (done % 250 === 0 || done === total) {
                              io.stderr(`\ranalyzed ${done}/${total} resources`);
                              if (done === total) {
                                  io.stderr("\n");
                              }
                          }
                      },
                  }
                : {}),
        },
    );
    const report = buildReport({
        toolVersion,
        pack: { name: info.name, version: info.version },
        mode: input.mode,
        project: input.project,
        stack: input.stack,
        result,
        policies,
        unmatchedWaivers: unmatchedResourceWaivers(policyConfig, policies, input.resources),
        layers: findingLayers(input.resources, {
            aiTags: tagSelectors(options.aiTag, defaultAiTags, "--ai-tag"),
            businessTags: tagSelectors(options.businessTag, defaultBusinessTags, "--business-tag"),
        }),
    });
    const descriptions = new Map(info.policies.map((p) => [p.name, p.description] as const));
    const packLocation = path.relative(process.cwd(), packDir) || ".";
    const text =
        options.format === "json"
            ? renderJson(report)
            : options.format === "sarif"
              ? renderSarif(report, policies)
              : renderText(report, descriptions, packLocation);
    if (options.output) {
        try {
            fs.writeFileSync(options.output, text);
        } catch (e) {
            throw new InputError(
                options.output,
                `cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
            );
        }
        io.stderr(`Wrote the ${options.format} report to ${options.output}\n`);
    } else {
        io.stdout(text);
    }
    return report.summary.mandatory > 0 || (options.strict && report.summary.undecided > 0) ? 1 : 0;
}
