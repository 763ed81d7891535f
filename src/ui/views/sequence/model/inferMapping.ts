/**
 * Guesses the sequence mapping (mapping.ts) from a trace alone, for the common shapes of
 * distributed specs:
 * - the processes are the domain most process-indexed variables share (`rmState`, `pc`, `inbox`
 *   over `RM` or `Node`);
 * - the message variable is a set, bag or sequence of messages, or a function from processes (or
 *   pairs of them) to such containers; a name like `msgs`, `network` or `inbox` tips the balance;
 * - sender and receiver fields go by their usual names (`src`/`dst`, `from`/`to`, …);
 * - notes are the other process-indexed variables, and variables grouped by a name prefix
 *   (`tmState`, `tmPrepared`); a spec without processes gets all its variables as notes.
 */
import type { Trace, TraceValue } from '../../../../check/types';
import { canonicalKey, kindOf } from '../../../../formats/trace-value';
import {
  RECEIVER_FIELDS,
  SENDER_FIELDS,
  type ChannelContainer,
  type MessageMapping,
  type SequenceMapping,
} from './mapping';
import { containerKind, elementsOf, entriesOf, fieldsOf, type ContainerKind } from './values';

const MESSAGE_NAME = /msg|message|net|chan|inbox|outbox|mailbox|queue|sent|buf|pending|in_?flight/i;
const OUTBOX_NAME = /out|send|sent/i;

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

function messagesIn(values: TraceValue[], kind: ContainerKind): TraceValue[] {
  return values.flatMap((v) => (elementsOf(v, kind) ?? []).map((e) => e.value));
}

function messageCandidate(
  trace: Trace,
  name: string,
  processDomain: string | undefined,
): Candidate | undefined {
  const values = trace.states.map((s) => s[name]);
  const domain = fixedDomain(trace, name);
  let mapping: MessageMapping | undefined;
  let messages: TraceValue[] = [];
  const whole = domain ? undefined : commonContainer(values);
  if (whole) {
    mapping = { variable: name, shape: whole };
    messages = messagesIn(values, whole);
  } else if (domain) {
    const channels = values.flatMap((v) => entriesOf(v)!.map(([, c]) => c));
    const container = commonContainer(channels) as ChannelContainer | undefined;
    if (!container) return undefined;
    messages = messagesIn(channels, container);
    if (domain.args.every(isPair)) mapping = { variable: name, shape: 'pairs', container };
    else if (domain.key === processDomain) {
      mapping = { variable: name, shape: OUTBOX_NAME.test(name) ? 'outbox' : 'inbox', container };
    }
  }
  if (!mapping) return undefined;
  const records = messages.map(fieldsOf).filter((r) => r !== undefined);
  const fields = new Set(records.flatMap((r) => Object.keys(r)));
  const field = (names: string[]) => [...fields].find((f) => names.includes(f.toLowerCase()));
  mapping.senderField = field(SENDER_FIELDS);
  mapping.receiverField = field(RECEIVER_FIELDS);
  let score = 0;
  if (MESSAGE_NAME.test(name)) score += 3;
  if (records.length > 0) score += 2;
  if (mapping.senderField || mapping.receiverField) score += 2;
  if (mapping.shape === 'inbox' || mapping.shape === 'outbox' || mapping.shape === 'pairs')
    score += 1;
  // A set of plain values (`tmPrepared \subseteq RM`) is rarely a message pool.
  if (messages.length > 0 && records.length === 0 && !mapping.senderField) score -= 2;
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

  const candidates = trace.vars
    .map((v) => messageCandidate(trace, v, processDomain))
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
  const values = trace.states.map((s) => s[m.variable]).filter((v) => v !== undefined);
  const channels =
    m.shape === 'set' || m.shape === 'bag' || m.shape === 'seq'
      ? messagesIn(values, m.shape)
      : messagesIn(
          values.flatMap((v) => (entriesOf(v) ?? []).map(([, c]) => c)),
          m.container ?? 'seq',
        );
  return [...new Set(channels.flatMap((x) => Object.keys(fieldsOf(x) ?? {})))].sort();
}
