// An empty @pulumi/policy pack: the start-up floor that every Node.js pack pays under the CLI.
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("baseline", { policies: [] });
