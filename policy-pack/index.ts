// Entry point the Pulumi CLI loads. Its one side effect is serving the pack, so nothing here may
// print to stdout: the engine reads the first stdout line as the port.
import { PolicyPack } from "@pulumi/policy";
import { hookDeserializer } from "./core/wire";
import { buildPackArgs, packName } from "./pack";
import { version } from "./version";

hookDeserializer();
new PolicyPack(packName, buildPackArgs(version));
