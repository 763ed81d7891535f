/** A sentence of an example's text, with `backquoted` parts set as code. */
export function RichText({ text }: { text: string }) {
  return (
    <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>
  );
}
