/**
 * Guesses the sequence mapping (mapping.ts) from a trace alone, for the common shapes of
 * distributed specs:
 * - the processes are the domain most process-indexed variables share (`rmState`, `pc`, `inbox`
 *   over `RM` or `Node`);
 * - the message variable is a set, bag or sequence of messages, or channels under one or more
 *   keys (`decompose`): processes, pairs of them, message kinds (record fields); a channel holds
 *   messages or their count; which process key is the sender is read from the steps
 *   (`orientation`); a name like `msgs`, `network` or `inbox` tips the balance;
 * - sender and receiver fields go by their usual names (`src`/`dst`, `from`/`to`, …);
 * - notes are the other process-indexed variables, and variables grouped by a name prefix
 *   (`tmState`, `tmPrepared`); a spec without processes gets all its variables as notes.
 */
import type { Trace } from '../../../../check/contract/types';
import { channelChanges, channelsOf } from './channels';
import {
  RECEIVER_FIELDS,
  SENDER_FIELDS,
  type ChannelContainer,
  type KeyRole,
  type MessageMapping,
  type SequenceMapping,
} from './mapping';
import {
  containerKind,
  elementsOf,
  entriesOf,
  fieldsOf,
  numberOf,
  type ContainerKind,
  kindOf,
} from '../../../../trace/view';
import type { TraceValue } from '../../../../trace/value';
import { canonicalKey } from '../../../../trace/keys';

const MESSAGE_NAME = /msg|message|net|chan|inbox|outbox|mailbox|queue|sent|buf|pending|in_?flight/i;
const OUTBOX_NAME = /out|send|sent/i;
/** Names that say "the messages" outright, over names that only mention them (`sentUnacked`). */
const PLAIN_MESSAGE_NAME =
  /^(msgs?|messages?|net(work)?|chans?|channels?|in_?flight|(in|out|mail)box(es)?|queues?)$/i;

/** The domain of a function value as a key, its arguments, and whether it is a tuple. */
function domainOf(v: TraceValue): { key: string; args: TraceValue[] } | undefined {
  const kind = kindOf(v);
  if (kind !== 'record' && kind !== 'map' && kind !== 'seq') return undefined;
  const entries = entriesOf(v)!;
  if (entries.length === 0) return undefined;
  const args = entries.map(([k]) => k);
  return { key: `${kind}:${args.map(canonicalKey).join('|')}`, args };
}

/** The domain every state gives the variable, if it is a function with a fixed domain. */
function fixedDomain(trace: Trace, name: string) {
  let found: ReturnType<typeof domainOf>;
  for (const s of trace.states) {
    const d = domainOf(s[name]);
    if (!d || (found && found.key !== d.key)) return undefined;
    found = d;
  }
  return found;
}

/** The one container kind of every value in `values`, if they agree (an empty `<<>>` fits all). */
function commonContainer(values: TraceValue[]): ContainerKind | undefined {
  let kind: ContainerKind | undefined;
  for (const v of values) {
    if (Array.isArray(v) && v.length === 0) continue;
    const k = containerKind(v);
    if (!k || (kind && kind !== k)) return undefined;
    kind = k;
  }
  return kind ?? 'seq';
}

const isPair = (v: TraceValue) => Array.isArray(v) && v.length === 2;

interface Candidate {
  mapping: MessageMapping;
  score: number;
  messages: TraceValue[];
}

/** Levels of keys below the variable that channels may sit under (`net.req[p][q]`). */
const MAX_LEVELS = 3;

interface Level {
  /** Record fields (by name) rather than function arguments. */
  record: boolean;
  args: TraceValue[];
}

/** The domain every value shares, if each is a function with that same domain. */
function sharedDomain(values: TraceValue[]): (Level & { key: string }) | undefined {
  let found: ReturnType<typeof domainOf>;
  for (const v of values) {
    const d = domainOf(v);
    if (!d || (found && found.key !== d.key)) return undefined;
    found = d;
  }
  return found && { key: found.key, args: found.args, record: found.key.startsWith('record:') };
}

const isCount = (v: TraceValue) => (numberOf(v) ?? -1) >= 0;

/** A container's elements look like messages: not containers themselves (channels would). */
function holdsMessages(values: TraceValue[], kind: ContainerKind): boolean {
  const elements = values.flatMap((v) => (elementsOf(v, kind) ?? []).map((e) => e.value));
  if (kind === 'bag' && elements.length > 0 && elements.every(isPair)) return false;
  return elements.every((e) => !containerKind(e) || fieldsOf(e) !== undefined);
}

/**
 * How a variable's values lead to channels: the levels of keys on the way (functions, records),
 * then what each channel holds. A value that holds messages is a channel at once; one whose
 * elements are channels (a function per process of sequences, a record of sets) goes a level
 * down; below the top, a natural number is a count of messages.
 */
function decompose(
  values: TraceValue[],
  depth = 0,
): { levels: Level[]; container: ChannelContainer } | undefined {
  const kind = commonContainer(values);
  if (kind && holdsMessages(values, kind)) return { levels: [], container: kind };
  const domain = depth < MAX_LEVELS ? sharedDomain(values) : undefined;
  if (domain) {
    const inner = values.flatMap((v) => entriesOf(v)!.map(([, c]) => c));
    const rest = inner.length > 0 ? decompose(inner, depth + 1) : undefined;
    if (rest) {
      const level = { record: domain.record, args: domain.args };
      return { levels: [level, ...rest.levels], container: rest.container };
    }
  }
  if (kind) return { levels: [], container: kind };
  if (depth > 0 && values.length > 0 && values.every(isCount))
    return { levels: [], container: 'count' };
  return undefined;
}

const looksLikeProcess = (v: TraceValue) => {
  const k = kindOf(v);
  return k === 'modelValue' || k === 'int' || k === 'string';
};

/**
 * Which key level names what: pairs of processes, a process (sender or receiver, decided by the
 * steps), or a kind of message (record fields that are not process names).
 */
function levelRoles(
  levels: Level[],
  processes: ReadonlySet<string>,
): ('pair' | 'process' | 'kind')[] | undefined {
  const roles: ('pair' | 'process' | 'kind')[] = [];
  for (const level of levels) {
    const named = level.args.every((a) => processes.has(canonicalKey(a)));
    if (level.args.every(isPair)) roles.push('pair');
    else if (level.record && !named) roles.push('kind');
    else if (named || level.args.every(looksLikeProcess)) roles.push('process');
    else return undefined;
  }
  return roles;
}

/**
 * Sender or receiver for each process level, from the steps: a process that acts (the step's
 * first parameter naming a process) is the sender of what it adds and the receiver of what it
 * takes out. With two process levels the likelier orientation wins (the outer one sending, as
 * `network[p][q]` usually reads, when the steps do not tell); with one, the name breaks a tie.
 */
function orientation(
  trace: Trace,
  name: string,
  roles: ('pair' | 'process' | 'kind')[],
  container: ChannelContainer,
): KeyRole[] | undefined {
  const at = roles.flatMap((r, i) => (r === 'process' ? [i] : []));
  if (at.length > 2) return undefined;
  const keys: KeyRole[] = roles.map((r) => (r === 'process' ? 'sender' : r));
  if (at.length === 0) return keys;
  const provisional: MessageMapping = { variable: name, shape: 'nested', keys, container };
  const sent = at.map(() => 0);
  const taken = at.map(() => 0);
  let before = channelsOf(trace.states[0]?.[name], provisional);
  for (let i = 1; i < trace.states.length; i++) {
    const after = channelsOf(trace.states[i][name], provisional);
    const { added, removed } = channelChanges(before, after);
    before = after;
    const actor = trace.steps[i]?.params.find((p) => looksLikeProcess(p.value))?.value;
    if (actor === undefined) continue;
    const who = canonicalKey(actor);
    at.forEach((level, j) => {
      for (const c of added) if (canonicalKey(c.path[level]) === who) sent[j]++;
      for (const c of removed) if (canonicalKey(c.path[level]) === who) taken[j]++;
    });
  }
  if (at.length === 2) {
    const outerSends = sent[0] + taken[1] >= sent[1] + taken[0];
    keys[at[0]] = outerSends ? 'sender' : 'receiver';
    keys[at[1]] = outerSends ? 'receiver' : 'sender';
  } else {
    const sends = sent[0] > taken[0] || (sent[0] === taken[0] && OUTBOX_NAME.test(name));
    keys[at[0]] = sends ? 'sender' : 'receiver';
  }
  return keys;
}

/** The mapping in the simplest shape that says it (the older shapes, else `nested`). */
function shaped(name: string, keys: KeyRole[], container: ChannelContainer): MessageMapping {
  if (keys.length === 0 && container !== 'count') return { variable: name, shape: container };
  if (keys.length === 1 && keys[0] !== 'kind') {
    const shape = keys[0] === 'pair' ? 'pairs' : keys[0] === 'sender' ? 'outbox' : 'inbox';
    return { variable: name, shape, container };
  }
  return { variable: name, shape: 'nested', keys, container };
}

function messageCandidate(
  trace: Trace,
  name: string,
  processes: ReadonlySet<string>,
): Candidate | undefined {
  const values = trace.states.map((s) => s[name]).filter((v) => v !== undefined);
  if (values.length < trace.states.length) return undefined;
  const found = decompose(values);
  if (!found) return undefined;
  const roles = levelRoles(found.levels, processes);
  if (!roles) return undefined;
  const keys = orientation(trace, name, roles, found.container);
  if (!keys) return undefined;
  // A number per process is a counter, unless its name says messages.
  if (found.container === 'count' && !MESSAGE_NAME.test(name)) return undefined;
  const mapping = shaped(name, keys, found.container);
  const messages = trace.states.flatMap((s) =>
    [...channelsOf(s[name], mapping).values()].flatMap((c) =>
      [...c.messages.values()].map((x) => x.value),
    ),
  );
  const records = messages.map(fieldsOf).filter((r) => r !== undefined);
  const fields = new Set(records.flatMap((r) => Object.keys(r)));
  const field = (names: string[]) => [...fields].find((f) => names.includes(f.toLowerCase()));
  mapping.senderField = field(SENDER_FIELDS);
  mapping.receiverField = field(RECEIVER_FIELDS);
  let score = 0;
  if (MESSAGE_NAME.test(name)) score += 3;
  if (PLAIN_MESSAGE_NAME.test(name)) score += 1;
  if (records.length > 0) score += 2;
  if (mapping.senderField || mapping.receiverField) score += 2;
  if (keys.some((k) => k !== 'kind')) score += 1;
  // A set of plain values (`tmPrepared \subseteq RM`) is rarely a message pool.
  if (messages.length > 0 && records.length === 0 && !mapping.senderField && keys.length === 0)
    score -= 2;
  return { mapping, score, messages };
}

/** The first lower-case word of a name: `tm` for `tmState`, `node` for `node_state`. */
export function namePrefix(name: string): string {
  return (
    /^[a-z]+(?=[A-Z_0-9])|^[A-Z]+(?=[A-Z][a-z])|^[A-Z][a-z]+(?=[A-Z_0-9])/.exec(name)?.[0] ?? name
  ).toLowerCase();
}

/** Whether an action's name starts with a role's name as a word: `TMCommit` for `tm`, not `Tmp`. */
export function actionOfRole(action: string, role: string): boolean {
  if (action.length <= role.length || action.slice(0, role.length).toLowerCase() !== role)
    return false;
  return !/[a-z]/.test(action.charAt(role.length));
}

/**
 * Roles: prefixes shared by two variables, or by one variable and an action name; each groups the
 * variables that are not functions of the processes.
 */
export function rolesOf(vars: string[], actions: string[]): Map<string, string[]> {
  const byPrefix = new Map<string, string[]>();
  for (const v of vars) {
    const p = namePrefix(v);
    if (p === v.toLowerCase()) continue;
    byPrefix.set(p, [...(byPrefix.get(p) ?? []), v]);
  }
  const roles = new Map<string, string[]>();
  for (const [p, members] of byPrefix) {
    if (members.length >= 2 || actions.some((a) => actionOfRole(a, p))) roles.set(p, members);
  }
  return roles;
}

export function inferMapping(trace: Trace): SequenceMapping {
  const domains = new Map<string, string[]>();
  const domainOfVar = new Map<string, string>();
  for (const v of trace.vars) {
    const d = fixedDomain(trace, v);
    if (!d) continue;
    domainOfVar.set(v, d.key);
    domains.set(d.key, [...(domains.get(d.key) ?? []), v]);
  }
  // The processes: the domain the most variables share; one variable's domain only if its
  // arguments look like process names (model values or numbers), not like record fields.
  let processDomain: string | undefined;
  let best = 0;
  for (const [key, members] of domains) {
    // Pairs index channels between processes, not the processes.
    if (members.every((v) => fixedDomain(trace, v)!.args.every(isPair))) continue;
    const arity =
      key.startsWith('map:') || key.startsWith('seq:') ? 1.5 : members.length >= 2 ? 1 : 0;
    const weight = members.length + arity;
    if (arity > 0 && weight > best) [processDomain, best] = [key, weight];
  }

  const processes = new Set(
    processDomain
      ? (trace.vars
          .map((v) => (domainOfVar.get(v) === processDomain ? fixedDomain(trace, v) : undefined))
          .find(Boolean)
          ?.args.map(canonicalKey) ?? [])
      : [],
  );
  const candidates = trace.vars
    .map((v) => messageCandidate(trace, v, processes))
    .filter((c): c is Candidate => !!c && c.score > 0)
    .sort((a, b) => b.score - a.score);
  const messages = candidates[0]?.mapping;

  const local = trace.vars.filter((v) => v !== messages?.variable);
  const perProcess = local.filter((v) => processDomain && domainOfVar.get(v) === processDomain);
  const others = local.filter((v) => !perProcess.includes(v));
  const actions = [...new Set(trace.steps.map((s) => s.action))];
  const roles = rolesOf(others, actions);
  const inRoles = [...roles.values()].flat();
  const hasLifelines = perProcess.length > 0 || inRoles.length > 0 || !!messages;
  const notes = hasLifelines ? [...inRoles, ...perProcess] : local;
  return { messages, notes: trace.vars.filter((v) => notes.includes(v)) };
}

/** The record fields of the messages a mapping reads, for the panel's sender/receiver choices. */
export function messageFields(trace: Trace, m: MessageMapping): string[] {
  const fields = new Set<string>();
  for (const s of trace.states)
    for (const c of channelsOf(s[m.variable], m).values())
      for (const { value } of c.messages.values())
        for (const f of Object.keys(fieldsOf(value) ?? {})) fields.add(f);
  return [...fields].sort();
}
