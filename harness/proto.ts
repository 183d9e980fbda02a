// Message classes, client and gRPC runtime from the one install that @pulumi/pulumi uses: the
// generated serializers check `instanceof` against their own copies (see engine-protocol notes).
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
export const grpc: typeof grpcTypes = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
const structPb = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] }));
const emptyPb = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }));

export const Struct: { fromJavaScript(v: Record<string, unknown>): unknown } = structPb.Struct;
export const Empty: new () => unknown = emptyPb.Empty;
export { analyzerGrpc, analyzerPb, pluginPb };
