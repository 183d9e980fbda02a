// Preloaded into a pack started by the harness (never by the Pulumi CLI): the launcher passes the
// read end of a pipe whose write end only the launcher holds. When the launcher dies, even by
// SIGKILL, the pipe reaches end-of-file and the pack exits, so no pack outlives the command.
import * as net from "node:net";

const fd = Number(process.env.AIGUARD_PARENT_PIPE_FD);
delete process.env.AIGUARD_PARENT_PIPE_FD;
if (Number.isInteger(fd) && fd > 2) {
    try {
        const pipe = new net.Socket({ fd, readable: true, writable: false });
        const exit = () => process.kill(process.pid, "SIGKILL");
        pipe.on("end", exit);
        pipe.on("close", exit);
        pipe.on("error", exit);
        pipe.resume();
        // The pipe alone must not keep the pack running.
        pipe.unref();
    } catch {
        // No pipe: the launcher still kills the pack's process group on every way out it sees.
    }
}
