/**
 * The lifelines of a diagram: roles (variables grouped by a name prefix, `tm`), the processes
 * (channel arguments, sender and receiver fields, the domain the note variables share, in that
 * order of first sight), a "system" lifeline for other note variables; "others" is added later,
 * if some step or message needs it.
 */
import type { Trace } from '../../../../check/contract/types';
import type { Channels } from './channels';
import type { Lifeline } from './types';
import { rolesOf } from './inferMapping';
import { channelKeys, type SequenceMapping } from './mapping';
import { entriesOf, fieldsOf } from '../../../../trace/view';
import { shortText } from './values';
import type { TraceValue } from '../../../../trace/value';
import { canonicalKey } from '../../../../trace/keys';

export const processId = (key: string) => `p:${key}`;
export const SYSTEM = 's:';

/** The domain arguments of a function value, if it is one. */
const argsOf = (v: TraceValue | undefined) =>
  v === undefined ? undefined : entriesOf(v)?.map(([k]) => k);

export interface Lifelines {
  lifelines: Lifeline[];
  /** Role name → its variables. */
  roles: Map<string, string[]>;
  /** Note variables that are functions of the processes. */
  perProcess: string[];
  /** The lifeline of each other note variable (its role's, or the system's). */
  lifelineOfVariable: Map<string, string>;
  /** The lifeline of a process, given as a value (a parameter, a field). */
  lifelineOfValue(v: TraceValue | undefined): string | undefined;
}

export function findLifelines(
  trace: Trace,
  mapping: SequenceMapping,
  perState: Channels[],
): Lifelines {
  const m = mapping.messages;
  const states = trace.states;
  const processes = new Map<string, TraceValue>();
  const add = (v: TraceValue | undefined) => {
    if (v !== undefined && !processes.has(canonicalKey(v))) processes.set(canonicalKey(v), v);
  };
  if (m) {
    // The keys that name processes, in every state's channels, then the sender and receiver
    // fields of the messages.
    const keys = channelKeys(m);
    for (const channels of perState) {
      for (const { path } of channels.values()) {
        path.forEach((k, i) => {
          if (keys[i] === 'pair' && Array.isArray(k)) k.forEach(add);
          else if (keys[i] === 'sender' || keys[i] === 'receiver') add(k);
        });
      }
    }
    for (const channels of perState) {
      for (const { messages } of channels.values()) {
        for (const { value } of messages.values()) {
          const record = fieldsOf(value);
          if (m.senderField) add(record?.[m.senderField]);
          if (m.receiverField) add(record?.[m.receiverField]);
        }
      }
    }
  }
  // The domain most note variables share is the processes', if it meets the ones found so far.
  const domains = new Map<string, { count: number; args: TraceValue[] }>();
  for (const v of mapping.notes) {
    const args = argsOf(states[0]?.[v]);
    if (!args || args.length === 0) continue;
    const key = args.map(canonicalKey).join('|');
    domains.set(key, { count: (domains.get(key)?.count ?? 0) + 1, args });
  }
  const shared = [...domains.values()].sort((a, b) => b.count - a.count)[0];
  if (shared && (processes.size === 0 || shared.args.some((a) => processes.has(canonicalKey(a)))))
    shared.args.forEach(add);

  const isProcessFunction = (v: string) => {
    const args = argsOf(states[0]?.[v]);
    return (
      !!args &&
      args.length > 0 &&
      args.every((a) => processes.has(canonicalKey(a))) &&
      states.every((s) => argsOf(s[v])?.length === args.length)
    );
  };
  const perProcess = mapping.notes.filter(isProcessFunction);
  const whole = mapping.notes.filter((v) => !perProcess.includes(v));
  const roles = rolesOf(whole, [...new Set(trace.steps.map((s) => s.action))]);
  const lifelineOfVariable = new Map<string, string>(whole.map((v) => [v, SYSTEM]));
  for (const [role, members] of roles)
    for (const v of members) lifelineOfVariable.set(v, `r:${role}`);

  const lifelines: Lifeline[] = [
    ...[...roles.keys()].map((name) => ({ id: `r:${name}`, name, kind: 'role' as const })),
    ...[...processes].map(([key, v]) => ({
      id: processId(key),
      name: shortText(v),
      kind: 'process' as const,
    })),
  ];
  if ([...lifelineOfVariable.values()].includes(SYSTEM))
    lifelines.push({ id: SYSTEM, name: 'system', kind: 'system' });
  return {
    lifelines,
    roles,
    perProcess,
    lifelineOfVariable,
    lifelineOfValue: (v) =>
      v !== undefined && processes.has(canonicalKey(v)) ? processId(canonicalKey(v)) : undefined,
  };
}
