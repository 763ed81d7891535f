/**
 * The small form that corrects the inferred mapping: which variable holds the messages and how,
 * which fields name sender and receiver, which variables are notes. A change saves the whole
 * mapping with the model; "Use inferred" forgets it.
 */
import type { Trace } from '../../../check/contract/types';
import { appStore } from '../../store';
import { messageFields } from './model/inferMapping';
import {
  KEY_ROLES,
  SHAPES,
  type ChannelContainer,
  type KeyRole,
  type MessageMapping,
  type MessageShape,
  type SequenceMapping,
} from './model/mapping';

const shapeText: Record<MessageShape, string> = {
  set: 'a set of messages',
  bag: 'a bag of messages',
  seq: 'a sequence (queue)',
  inbox: 'inbox per process',
  outbox: 'outbox per process',
  pairs: 'channel per pair <<p, q>>',
  nested: 'channels under several keys',
};

const keyText: Record<KeyRole, string> = {
  sender: 'sender',
  receiver: 'receiver',
  pair: 'pair <<sender, receiver>>',
  kind: 'kind of message',
};

const save = (sequenceMapping: SequenceMapping | undefined) =>
  appStore.getState().updateModel({ sequenceMapping });

interface Props {
  trace: Trace;
  mapping: SequenceMapping;
  /** The user's saved mapping is in use (not the inferred one). */
  custom: boolean;
}

export function MappingPanel({ trace, mapping, custom }: Props) {
  const m = mapping.messages;
  const fields = m ? messageFields(trace, m) : [];
  const setMessages = (change: Partial<MessageMapping> | undefined) =>
    save({
      ...mapping,
      messages: change && m ? { ...m, ...change } : (change as MessageMapping | undefined),
    });
  const channelShape =
    m &&
    (m.shape === 'inbox' || m.shape === 'outbox' || m.shape === 'pairs' || m.shape === 'nested');
  const keys = m?.shape === 'nested' ? (m.keys ?? []) : [];
  const setKey = (i: number, role: KeyRole) =>
    setMessages({ keys: keys.map((k, j) => (j === i ? role : k)) });

  return (
    <form className="sq-panel" aria-label="Sequence mapping" onSubmit={(e) => e.preventDefault()}>
      <label>
        Messages in
        <select
          value={m?.variable ?? ''}
          onChange={(e) =>
            setMessages(
              e.target.value ? { variable: e.target.value, shape: m?.shape ?? 'set' } : undefined,
            )
          }
        >
          <option value="">(no messages)</option>
          {trace.vars.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      </label>
      {m && (
        <>
          <label>
            held as
            <select
              value={m.shape}
              onChange={(e) => {
                const shape = e.target.value as MessageShape;
                // Channels under several keys start as the usual network[sender][receiver].
                setMessages(
                  shape === 'nested' && !m.keys?.length
                    ? { shape, keys: ['sender', 'receiver'] }
                    : { shape },
                );
              }}
            >
              {SHAPES.map((s) => (
                <option key={s} value={s}>
                  {shapeText[s]}
                </option>
              ))}
            </select>
          </label>
          {channelShape && (
            <label>
              each channel a
              <select
                value={m.container ?? 'seq'}
                onChange={(e) => setMessages({ container: e.target.value as ChannelContainer })}
              >
                <option value="seq">sequence</option>
                <option value="set">set</option>
                <option value="bag">bag</option>
                <option value="count">count of messages</option>
              </select>
            </label>
          )}
          {keys.map((role, i) => (
            <label key={i}>
              {i === 0 ? 'outer key names the' : 'then the'}
              <select
                value={role}
                aria-label={`Key ${i + 1} names`}
                onChange={(e) => setKey(i, e.target.value as KeyRole)}
              >
                {KEY_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {keyText[r]}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            sender field
            <select
              value={m.senderField ?? ''}
              onChange={(e) => setMessages({ senderField: e.target.value || undefined })}
            >
              <option value="">(the acting process)</option>
              {fields.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
          <label>
            receiver field
            <select
              value={m.receiverField ?? ''}
              onChange={(e) => setMessages({ receiverField: e.target.value || undefined })}
            >
              <option value="">(whoever receives it)</option>
              {fields.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <fieldset>
        <legend>Notes</legend>
        {trace.vars
          .filter((v) => v !== m?.variable)
          .map((v) => (
            <label key={v} className="sq-panel__check">
              <input
                type="checkbox"
                checked={mapping.notes.includes(v)}
                onChange={(e) =>
                  save({
                    ...mapping,
                    notes: trace.vars.filter((x) =>
                      x === v ? e.target.checked : mapping.notes.includes(x),
                    ),
                  })
                }
              />
              {v}
            </label>
          ))}
      </fieldset>
      <button type="button" disabled={!custom} onClick={() => save(undefined)}>
        Use inferred
      </button>
    </form>
  );
}
