/**
 * The deliberately broken variant: each retry gets a fresh idempotency key, as if the key were a
 * request id. Each attempt looks fine on its own; a retry after a timeout whose first request was
 * charged anyway charges the card a second time.
 */
import { CheckoutService } from './payment';

export class FreshKeyCheckoutService extends CheckoutService {
  protected override idempotencyKey(): string {
    return this.attempt === 1
      ? this.options.orderId
      : `${this.options.orderId}-retry-${this.attempt}`;
  }
}
