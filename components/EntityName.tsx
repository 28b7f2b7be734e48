import { nameInScript } from './script-name';
import { uiLang } from './ui-lang';

/**
 * A name as the interface's reader writes it, with the corpus's Latin form
 * beside it ("حسن روحانی Hassan Rouhani"); the Latin form alone where the corpus
 * gives no spelling in that script. Each part is tagged with its own language
 * and direction, so neither reorders the other.
 */
export function EntityName({ name, aliases }: { name: string; aliases: readonly string[] }) {
  const lang = uiLang();
  const script = nameInScript(aliases, lang);
  if (!script) return <>{name}</>;
  return (
    <>
      <span lang={lang} dir="rtl">
        {script}
      </span>{' '}
      <span class="iic-latin-name" lang="en" dir="ltr">
        {name}
      </span>
    </>
  );
}

/** The same name as one string, for labels (a dialog's accessible name). */
export function entityNameText(name: string, aliases: readonly string[]): string {
  const script = nameInScript(aliases, uiLang());
  return script ? `${script} (${name})` : name;
}
