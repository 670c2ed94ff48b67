/**
 * The hidden first line of the bot's answer to a command from someone without write access. It names the user by
 * id, not by comment: however many commands a reader types on one issue or pull request, she gets this one reply,
 * so a reader cannot spend the installation's write budget (nor fill the thread) by repeating a command.
 */
export function refusalMarker(userId: number): string {
  return `<!-- hotfix-bot:command-refused ${JSON.stringify({ user: userId })} -->`;
}
