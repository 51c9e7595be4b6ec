import { spawnSync } from "node:child_process";

// Debian's python3 has the python3-* packages .ci/run installs; a pyenv python3 on the PATH often
// has not, so that one is tried first. On Windows and macOS (the GitHub workflow) the python that
// actions/setup-python puts on the PATH, with the packages pip installed, is `python3` or `python`.
const CANDIDATES = ["/usr/bin/python3", "python3", "python"];

/** The first python that can import `module`, or undefined when none can. */
export function findPython(module: string): string | undefined {
  return CANDIDATES.find(
    (python) => spawnSync(python, ["-c", `import ${module}`], { encoding: "utf8" }).status === 0,
  );
}
