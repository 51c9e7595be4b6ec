/**
 * Quotes one argument of a command idokit prints for the person to copy ("Ga verder met: …",
 * "Maak de batch af met: …"), for the shell they are likely to paste it in: sh, bash or zsh on
 * Linux and macOS; on Windows Command Prompt (cmd.exe) or PowerShell, which agree only on double
 * quotes (cmd.exe does not know single quotes at all).
 */
export function shellQuote(argument: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== "win32")
    return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, "'\\''")}'`;
  // Unquoted, `@` and `,` mean something to PowerShell, and `%`, `&`, `^` to cmd.exe.
  if (/^[\w+=:./\\-]+$/.test(argument)) return argument;
  // PowerShell expands `$` and `` ` `` inside double quotes; such a name gets its single quotes.
  if (/[$`"]/.test(argument)) return `'${argument.replace(/'/g, "''")}'`;
  return `"${argument}"`;
}
