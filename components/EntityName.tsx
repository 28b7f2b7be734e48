import type { ComponentChildren } from 'preact';
import { useScriptsOf } from './entity-scripts';
import { Highlighted } from './Highlighted';
import { nameInScript } from './script-name';
import { uiLang } from './ui-lang';

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}'’]+$/u;

interface Props {
  /** The corpus's canonical (Latin) name. */
  name: string;
  /** Its id, to find its spellings in Arabic script through the page's lookup (entity-scripts.ts). */
  id?: string;
  /** Its spellings, when the view already carries them (a card's aliases, a page name's scripts). */
  scripts?: readonly string[];
  /** Words a search matched, marked in both forms. */
  terms?: readonly string[];
}

/**
 * A name as the interface's reader writes it, with the corpus's Latin form
 * beside it ("حسن روحانی Hassan Rouhani"); the Latin form alone where the corpus
 * gives no spelling in that script. Each form is its own isolated run (`<bdi>`),
 * so neither reorders the words around it nor breaks across a line on its own
 * ("Hassan / Rouhani"): a form that does not fit moves to the next line whole.
 */
export function EntityName({ name, id, scripts, terms }: Props) {
  const lookup = useScriptsOf();
  const lang = uiLang();
  const script = nameInScript(scripts ?? lookup(id, name) ?? [], lang);
  const shown = (text: string): ComponentChildren => (terms ? <Highlighted text={text} terms={terms} /> : text);
  const latin = (
    <bdi class={script ? 'iic-name-part iic-latin-name' : 'iic-name-part'} dir="auto" lang={LATIN_ONLY.test(name) ? 'en' : undefined}>
      {shown(name)}
    </bdi>
  );
  if (!script) return latin;
  return (
    <>
      <bdi class="iic-name-part" lang={lang} dir="rtl">
        {shown(script)}
      </bdi>{' '}
      {latin}
    </>
  );
}

/** The same name as one string, for labels and titles ("پمپئو (Mike Pompeo)"). */
export function entityNameText(name: string, scripts: readonly string[] | undefined): string {
  const script = nameInScript(scripts ?? [], uiLang());
  return script ? `${script} (${name})` : name;
}

/** `entityNameText` for a view that holds only an entity's id and name: the page's lookup supplies its spellings. */
export function useEntityNameText(): (id: string | undefined, name: string) => string {
  const lookup = useScriptsOf();
  return (id, name) => entityNameText(name, lookup(id, name));
}
