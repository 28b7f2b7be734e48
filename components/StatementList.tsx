import type { StatementView } from '../lib/engine/lookup';
import { StatementItem } from './StatementItem';

interface Props {
  statements: StatementView[];
  onOpen(articleId: string, statementId: string): void;
  label?: string;
  /** The entity whose statements these are: a quote by it alone needs no "said by" under it. */
  subject?: string;
}

export function StatementList({ statements, onOpen, label, subject }: Props) {
  return (
    <ul class="iic-statements" aria-label={label}>
      {statements.map((s) => (
        <StatementItem key={s.id} statement={s} onOpen={onOpen} subject={subject} />
      ))}
    </ul>
  );
}
