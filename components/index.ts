// `aiguard`: where the installed policy pack lives, for `pulumi preview --policy-pack`. The components
// are in `aiguard/aws` and `aiguard/azure`, so a program needs only the provider it uses.
import * as path from "node:path";

/** Directory of the policy pack (PulumiPolicy.yaml and its bundle) inside the installed package. */
export const policyPackDir: string = path.resolve(__dirname, "..", "..", "policy-pack");
