import type { StatementView } from '../lib/engine/lookup';
import { StatementItem } from './StatementItem';

export function StatementList({ statements, onOpen, label }: { statements: StatementView[]; onOpen(articleId: string, statementId: string): void; label?: string }) {
  return (
    <ul class="iic-statements" aria-label={label}>
      {statements.map((s) => (
        <StatementItem key={s.id} statement={s} onOpen={onOpen} />
      ))}
    </ul>
  );
}
