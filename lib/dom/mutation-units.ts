import { BLOCK_TAGS, ELEMENT_NODE, type ElementClassifier, isSkipped, TEXT_NODE } from './skip-rules';

/** What a batch of mutation records asks the scanner to do. */
export interface ChangeSet {
  /** Subtrees to re-scan: no two nested (a covered descendant is dropped). */
  units: Node[];
  /** Newly inserted elements (for finding iframes). */
  added: Element[];
  /**
   * Every node removed since the last take, wherever it was (even from a
   * subtree removed before it): the only places a mention can have lost a node.
   */
  removed: Node[];
}

export interface ChangeCollector {
  /** Returns true when any record mattered (so a flush is worth scheduling). */
  addRecords(records: readonly MutationRecord[]): boolean;
  take(): ChangeSet;
}

/**
 * Turns mutation records into the smallest set of blocks to re-scan: a change
 * re-scans its nearest block ancestor, an inserted block only itself, and
 * anything inside our UI or a skipped subtree (e.g. CSS-in-JS rewriting a
 * `<style>` in `<head>`) nothing at all.
 */
export function createChangeCollector(
  root: Node,
  classify: ElementClassifier,
  isOwnNode: (node: Node) => boolean,
): ChangeCollector {
  let units = new Set<Node>();
  let added: Element[] = [];
  let removed: Node[] = [];
  let resolved = new Map<Node, Node | null>();

  const isBlock = (node: Node | null): boolean =>
    node !== null && node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName);

  /** Nearest block at or above `node`, or null when detached or inside a skipped subtree. */
  const blockFor = (node: Node | null): Node | null => {
    if (!node) return null;
    const cached = resolved.get(node);
    if (cached !== undefined) return cached;
    let block: Node | null = null;
    let cur: Node | null = node;
    while (cur && cur !== root) {
      if (cur.nodeType === ELEMENT_NODE) {
        if (isSkipped(classify(cur as Element))) break;
        if (!block && isBlock(cur)) block = cur;
      }
      cur = cur.parentNode;
    }
    const result = cur === root && !isOwnNode(node) ? (block ?? root) : null;
    resolved.set(node, result);
    return result;
  };

  const isFrame = (el: Element): boolean => el.localName === 'iframe' || el.localName === 'frame';

  const isContent = (node: Node): boolean => node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE;

  const queue = (unit: Node | null): boolean => {
    if (unit) units.add(unit);
    return unit !== null;
  };

  const onChildList = (record: MutationRecord): boolean => {
    const targetBlock = blockFor(record.target);
    if (targetBlock === null) return false;
    const { previousSibling: prev, nextSibling: next } = record;
    let relevant = false;
    let joinsAround = false;
    for (const node of record.removedNodes) {
      if (!isContent(node) || isOwnNode(node)) continue;
      relevant = true;
      // Removing inline content can join the text on either side into a new name.
      if (!isBlock(node) || (prev && next && !isBlock(prev) && !isBlock(next))) joinsAround = true;
    }
    for (const node of record.addedNodes) {
      if (!isContent(node) || isOwnNode(node)) continue;
      if (node.nodeType === ELEMENT_NODE) {
        const frame = isFrame(node as Element);
        if (isSkipped(classify(node as Element)) && !frame) continue;
        added.push(node as Element);
        relevant = true;
        if (frame) continue;
      }
      relevant = true;
      if (isBlock(node)) units.add(node);
      else joinsAround = true;
    }
    if (joinsAround) units.add(targetBlock);
    return relevant;
  };

  const onRecord = (record: MutationRecord): boolean => {
    if (record.type === 'childList') for (const node of record.removedNodes) removed.push(node);
    if (isOwnNode(record.target)) return false;
    if (record.type === 'childList') return onChildList(record);
    if (record.type === 'characterData') return queue(blockFor(record.target.parentNode));
    // An attribute may have made the target itself skipped or visible, so its
    // own skip state must not hide it; only its ancestors' may.
    const target = record.target;
    const above = blockFor(target.parentNode);
    return queue(above && isBlock(target) ? target : above);
  };

  return {
    addRecords(records) {
      // The DOM may have changed since the last delivery, so resolutions are per call.
      resolved = new Map();
      let relevant = false;
      for (const record of records) relevant = onRecord(record) || relevant;
      return relevant;
    },
    take() {
      const all = units;
      const change: ChangeSet = { units: [...all].filter((u) => !hasAncestorIn(u, all, root)), added, removed };
      units = new Set();
      added = [];
      removed = [];
      return change;
    },
  };
}

/** True when a proper ancestor of `node` (up to `root`) is in `set`. */
export function hasAncestorIn(node: Node, set: ReadonlySet<Node>, root: Node): boolean {
  for (let cur = node.parentNode; cur; cur = cur.parentNode) {
    if (set.has(cur)) return true;
    if (cur === root) break;
  }
  return false;
}
