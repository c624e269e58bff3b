// Watches the process that started an embedded PostgreSQL. If that process disappears (killed, crashed)
// while the server still runs, stop the server, so no orphan server is left behind.
// Usage: node embedded-db-watch.mjs <owner pid> <data dir>
import { runningServer } from "./embedded-db.mjs";

const ownerPid = Number(process.argv[2]);
const dataDir = process.argv[3];
const server = runningServer(dataDir);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

const timer = setInterval(() => {
  const live = runningServer(dataDir);
  if (!live || (server && live.pid !== server.pid)) {
    clearInterval(timer); // the server stopped, or another one took the folder over: nothing to watch
    return;
  }
  if (!alive(ownerPid)) {
    process.kill(live.pid, "SIGINT");
    clearInterval(timer);
  }
}, 500);
