// A sentence from the server with `feature` names in backticks, shown with the names as code.
export function ReasonText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd number of backticks leaves the last one unpaired: show the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
