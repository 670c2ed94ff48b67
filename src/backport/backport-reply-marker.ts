/**
 * The hidden first line of the bot's reply to one `/backport` comment (a target, `confirm` or `skip`): it names the
 * comment, so that a redelivery finds the reply instead of posting another.
 */
export function backportReplyMarker(commentId: number): string {
  return `<!-- hotfix-bot:backport-reply ${JSON.stringify({ comment: commentId })} -->`;
}
