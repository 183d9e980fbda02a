// The CloudWatch log groups a front door writes: what its code logs (prompts, completions, errors
// quoting them) lands there, so they are AI data like the tables it reads and writes.
//
// A log group is found from either side: by the name the front door writes to (a Lambda function
// writes to /aws/lambda/<function name> unless loggingConfig.logGroup names another; an ECS
// container with the awslogs driver to its awslogs-group option), or through a reference (a log
// group named from the function's name, a task definition built from the log group's name).
import type { StackResource } from "./definition";

export const logGroupType = "aws:cloudwatch/logGroup:LogGroup";
const lambdaType = "aws:lambda/function:Function";
const taskDefinitionType = "aws:ecs/taskDefinition:TaskDefinition";

function knownString(r: StackResource, path: string): string | undefined {
    const v = r.get(path);
    return v.state === "known" && typeof v.value === "string" && v.value !== "" ? v.value : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The awslogs-group options of the task definition's containers (a JSON string), where known. */
function awslogsGroups(task: StackResource): string[] {
    const defs = knownString(task, "containerDefinitions");
    if (!defs) {
        return [];
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(defs);
    } catch {
        return [];
    }
    if (!Array.isArray(parsed)) {
        return [];
    }
    const out: string[] = [];
    for (const c of parsed) {
        const log = isObject(c) ? c.logConfiguration : undefined;
        if (!isObject(log) || log.logDriver !== "awslogs" || !isObject(log.options)) {
            continue;
        }
        const group = log.options["awslogs-group"];
        if (typeof group === "string" && group !== "") {
            out.push(group);
        }
    }
    return out;
}

/** The log group names a front door writes to, as far as its known inputs tell. */
export function logGroupNamesOf(frontDoor: StackResource): string[] {
    if (frontDoor.type === lambdaType) {
        const own = knownString(frontDoor, "loggingConfig.logGroup");
        if (own) {
            return [own];
        }
        const name = knownString(frontDoor, "name");
        return name ? [`/aws/lambda/${name}`] : [];
    }
    if (frontDoor.type === taskDefinitionType) {
        return awslogsGroups(frontDoor);
    }
    return [];
}

/** Log groups by their known name, to match the names front doors write to. */
export function logGroupsByName(resources: readonly StackResource[]): Map<string, StackResource[]> {
    const out = new Map<string, StackResource[]>();
    for (const r of resources) {
        const name = r.type === logGroupType ? knownString(r, "name") : undefined;
        if (name) {
            out.set(name, [...(out.get(name) ?? []), r]);
        }
    }
    return out;
}

/** The Lambda function a log group is named after through a reference (`/aws/lambda/${fn.name}`). */
export function namedAfter(group: StackResource): StackResource | undefined {
    return group.type === logGroupType
        ? (group.propertyDependencies.name ?? []).find((d) => d.type === lambdaType)
        : undefined;
}
