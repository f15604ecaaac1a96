/** Runs a command to completion and fails with its output when it fails. */
import { spawn } from "node:child_process";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; allowFailure?: boolean; daemon?: boolean } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      // A daemon keeps inherited pipes open for its whole life: give it none, and wait for
      // the launcher's exit rather than for the pipes to close.
      stdio: options.daemon ? "ignore" : ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT")
        reject(new Error(`${command} is not installed (not found on PATH)`));
      else reject(error);
    });
    child.on(options.daemon ? "exit" : "close", (code) => {
      const result = { code: code ?? -1, stdout, stderr };
      if (result.code !== 0 && !options.allowFailure) {
        const tail = (stderr || stdout).trim().split("\n").slice(-15).join("\n");
        reject(new Error(`${command} ${args.join(" ")} exited with ${result.code}:\n${tail}`));
      } else {
        resolve(result);
      }
    });
  });
}

export async function commandExists(command: string): Promise<boolean> {
  const result = await runCommand("sh", ["-c", `command -v ${command}`], { allowFailure: true });
  return result.code === 0;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
