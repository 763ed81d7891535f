/**
 * The service and the gateway wired together over an in-memory network the caller drives: what a
 * test needs to make the implementation take exactly the steps the spec's behaviours take, and
 * what a deterministic simulation needs to run it under a seeded scheduler.
 *
 * `observe` is the abstraction function: the implementation's state as the spec's variables.
 */
import { FreshKeyCheckoutService } from './broken';
import { CheckoutService, PaymentGateway, type ChargeReply, type ChargeRequest } from './payment';

export interface SystemOptions {
  /** The broken service (a fresh idempotency key per retry). */
  broken?: boolean;
  maxAttempts?: number;
}

/** The spec's variables, as plain data. */
export interface Observed {
  attempt: number;
  waiting: boolean;
  status: 'pending' | 'paid' | 'failed';
  requests: string[];
  replies: string[];
  charged: string[];
  charges: number;
}

export interface Step {
  action: string;
  params?: Record<string, unknown>;
}

export class PaymentSystem {
  /** Everything the service and the gateway logged, in order. */
  readonly log: Record<string, unknown>[] = [];
  /** Requests and replies in flight, by idempotency key. */
  readonly requests = new Map<string, ChargeRequest>();
  readonly replies = new Map<string, ChargeReply>();
  readonly gateway: PaymentGateway;
  readonly service: CheckoutService;

  constructor(options: SystemOptions = {}) {
    const logger = (e: Record<string, unknown>) => this.log.push(e);
    const Service = options.broken ? FreshKeyCheckoutService : CheckoutService;
    this.gateway = new PaymentGateway(logger);
    this.service = new Service(
      { orderId: 'order-42', amountCents: 4200, maxAttempts: options.maxAttempts ?? 3 },
      { send: (r) => this.requests.set(r.idempotencyKey, r) },
      logger,
    );
  }

  /** Makes the implementation take one of the spec's steps; throws when it cannot or does another. */
  perform({ action, params = {} }: Step): void {
    const k = params.k as string;
    switch (action) {
      case 'Send':
      case 'GiveUp': {
        const did = this.service.next();
        const want = action === 'Send' ? 'sent' : 'abandoned';
        if (did !== want)
          throw new Error(
            `${action}: the service ${did === 'idle' ? 'had nothing to do' : `did ${did}`}`,
          );
        return;
      }
      case 'Timeout':
        return this.service.onTimeout();
      case 'Gateway': {
        const request = this.requests.get(k);
        if (!request) throw new Error(`Gateway(${k}): no such request in flight`);
        this.requests.delete(k);
        this.replies.set(k, this.gateway.handle(request));
        return;
      }
      case 'Receive':
      case 'LoseReply': {
        const reply = this.replies.get(k);
        if (!reply) throw new Error(`${action}(${k}): no such reply in flight`);
        this.replies.delete(k);
        if (action === 'Receive') this.service.onReply(reply);
        return;
      }
      default:
        throw new Error(`unknown action ${action}`);
    }
  }

  /** The steps the environment may take now (the service decides for itself what its turn does). */
  possible(): Step[] {
    const out: Step[] = [{ action: 'Service' }];
    if (this.service.awaitingReply) out.push({ action: 'Timeout' });
    for (const k of this.requests.keys()) out.push({ action: 'Gateway', params: { k } });
    for (const k of this.replies.keys())
      out.push({ action: 'Receive', params: { k } }, { action: 'LoseReply', params: { k } });
    return out;
  }

  observe(): Observed {
    return {
      attempt: this.service.attempt,
      waiting: this.service.awaitingReply,
      status: this.service.status.toLowerCase() as Observed['status'],
      requests: [...this.requests.keys()].sort(),
      replies: [...this.replies.keys()].sort(),
      charged: this.gateway.chargedKeys(),
      charges: this.gateway.charges,
    };
  }
}

/** A small seeded generator (mulberry32): the same seed, the same run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deterministic simulation: the system under a seeded scheduler that delivers, loses and times
 * out at random, until it rests or `maxSteps` steps. Returns the log it wrote, as NDJSON.
 */
export function simulateRun(seed: number, options: SystemOptions = {}, maxSteps = 40): string {
  const system = new PaymentSystem(options);
  const random = seeded(seed);
  for (let i = 0; i < maxSteps; i++) {
    const steps = system.possible();
    const step = steps[Math.floor(random() * steps.length)];
    if (step.action === 'Service') {
      if (system.service.next() === 'idle' && steps.length === 1) break;
    } else system.perform(step);
  }
  return system.log.map((e) => JSON.stringify(e)).join('\n') + '\n';
}
