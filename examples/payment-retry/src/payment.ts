/**
 * A checkout service that charges a card through a payment gateway, retrying after a timeout, and
 * the gateway, which charges each idempotency key once. The system PaymentRetry.tla specifies.
 *
 * Both are event-driven: the transport, the timer and the logger are given to them, so that a
 * test (or a deterministic simulation) decides when a request arrives, a reply is lost or a timer
 * fires, the same code runs behind real I/O, and every state change is logged.
 */

export type OrderStatus = 'PENDING' | 'PAID' | 'FAILED';

export interface ChargeRequest {
  orderId: string;
  amountCents: number;
  idempotencyKey: string;
}

export interface ChargeReply {
  idempotencyKey: string;
  chargeId: string;
}

/** One structured log line (written as NDJSON). */
export type Logger = (event: Record<string, unknown>) => void;

export interface Transport {
  /** Sends a request to the gateway; it may be delivered late, or its reply lost. */
  send(request: ChargeRequest): void;
}

export interface CheckoutOptions {
  orderId: string;
  amountCents: number;
  maxAttempts: number;
}

export class CheckoutService {
  attempt = 0;
  awaitingReply = false;
  status: OrderStatus = 'PENDING';

  constructor(
    protected readonly options: CheckoutOptions,
    private readonly transport: Transport,
    private readonly log: Logger,
  ) {}

  /**
   * The idempotency key of the current attempt: the order's id, so that the gateway recognises a
   * retry of a charge it has already made.
   */
  protected idempotencyKey(): string {
    return this.options.orderId;
  }

  /** What the service does when nothing is in the way: the next attempt, or giving up. */
  next(): 'sent' | 'abandoned' | 'idle' {
    if (this.status !== 'PENDING' || this.awaitingReply) return 'idle';
    if (this.attempt < this.options.maxAttempts) {
      this.attempt++;
      this.awaitingReply = true;
      const idempotencyKey = this.idempotencyKey();
      this.transport.send({
        orderId: this.options.orderId,
        amountCents: this.options.amountCents,
        idempotencyKey,
      });
      // Logged as `sentKey`: Send has no parameter in the spec (the mapping takes `idempotencyKey`
      // as the parameter k of the steps that have one).
      this.logState('charge.sent', { sentKey: idempotencyKey });
      return 'sent';
    }
    this.status = 'FAILED';
    this.logState('charge.abandoned');
    return 'abandoned';
  }

  /** The reply timer fired: stop waiting (the request may still be on its way). */
  onTimeout(): void {
    if (!this.awaitingReply) throw new Error('no reply is awaited');
    this.awaitingReply = false;
    this.logState('charge.timeout');
  }

  /** A reply arrived, possibly for an attempt the service stopped waiting for. */
  onReply(reply: ChargeReply): void {
    if (this.status === 'PENDING') this.status = 'PAID';
    this.awaitingReply = false;
    this.logState('charge.reply', {
      idempotencyKey: reply.idempotencyKey,
      chargeId: reply.chargeId,
    });
  }

  private logState(event: string, extra: Record<string, unknown> = {}): void {
    this.log({
      component: 'checkout',
      event,
      orderId: this.options.orderId,
      ...extra,
      attempt: this.attempt,
      awaitingReply: this.awaitingReply,
      orderStatus: this.status,
    });
  }
}

export class PaymentGateway {
  /** The idempotency table: key → the reply given when it was charged. */
  private readonly charged = new Map<string, ChargeReply>();
  /** Charges made on the card. */
  charges = 0;

  constructor(private readonly log: Logger) {}

  handle(request: ChargeRequest): ChargeReply {
    const stored = this.charged.get(request.idempotencyKey);
    if (stored) {
      this.logState('gateway.replay', request.idempotencyKey);
      return stored;
    }
    this.charges++;
    const reply = { idempotencyKey: request.idempotencyKey, chargeId: `ch_${this.charges}` };
    this.charged.set(request.idempotencyKey, reply);
    this.logState('gateway.charge', request.idempotencyKey);
    return reply;
  }

  chargedKeys(): string[] {
    return [...this.charged.keys()].sort();
  }

  private logState(event: string, idempotencyKey: string): void {
    this.log({
      component: 'gateway',
      event,
      idempotencyKey,
      chargedKeys: this.chargedKeys(),
      charges: this.charges,
    });
  }
}
