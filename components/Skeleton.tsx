/** Grey lines holding the space that loading content will take, so nothing jumps when it arrives. */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  return (
    <div class="iic-skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} class="iic-skeleton-line" />
      ))}
    </div>
  );
}
