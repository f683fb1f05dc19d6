/** A tool's glyph on its colour: no remote image, so nothing is fetched and nothing can track. */
export function ToolIcon({ icon, color, large = false }: { icon: string; color: string; large?: boolean }) {
  return (
    <span className={large ? 'tool-icon large' : 'tool-icon'} style={{ backgroundColor: color }} aria-hidden="true">
      {icon}
    </span>
  );
}
