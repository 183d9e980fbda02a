// Serves a policy pack only to ask it what it is (GetAnalyzerInfo), for commands that report on a
// pack without evaluating anything: `policies --policy-pack`, `report --events`.
import * as path from "node:path";
import { type AnalyzerInfoView, PackSession, packFailure } from "../harness/engine";

export async function servedPackInfo(packDir: string): Promise<AnalyzerInfoView> {
    const launch = { packDir: path.resolve(packDir), project: "aiguard", stack: "report", dryRun: true };
    let session: PackSession;
    try {
        session = await PackSession.open(launch);
    } catch (e) {
        throw packFailure(e, packDir);
    }
    try {
        return session.info;
    } finally {
        await session.close();
    }
}
