/**
 * Where a view finds an entity's spellings in Arabic script when all it holds
 * is the entity's id and Latin name (a speaker, a search result, a related
 * article's people): one lookup per interface, given through context by the
 * page's root (popup, reader) or the card's host. English needs none.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { EntityScripts } from '../lib/entity-scripts';
import { uiLang } from './ui-lang';

/** An entity's Arabic-script spellings by id, or by its Latin name where no id is at hand ("did you mean" names). */
export type ScriptsOf = (id: string | undefined, name: string) => readonly string[] | undefined;

export const noScripts: ScriptsOf = () => undefined;

export function scriptsLookup(directory: EntityScripts): ScriptsOf {
  const byName = new Map(Object.values(directory).map((e) => [e.name, e.scripts]));
  return (id, name) => (id !== undefined && Object.hasOwn(directory, id) ? directory[id].scripts : byName.get(name));
}

export const EntityScriptsContext = createContext<ScriptsOf>(noScripts);

export const useScriptsOf = (): ScriptsOf => useContext(EntityScriptsContext);

/** Interfaces whose readers write names in Arabic script. */
export const writesArabicScript = (lang: string) => lang === 'fa' || lang === 'ar';

/**
 * The lookup for a page's root: asked of the background once, and only when
 * the interface is Persian or Arabic; until it answers (or if it fails) names
 * show in their Latin form alone.
 */
export function useEntityScripts(load: () => Promise<EntityScripts>): ScriptsOf {
  const [lookup, setLookup] = useState<ScriptsOf>(() => noScripts);
  useEffect(() => {
    if (!writesArabicScript(uiLang())) return;
    let live = true;
    load().then(
      (directory) => live && setLookup(() => scriptsLookup(directory)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [load]);
  return lookup;
}
