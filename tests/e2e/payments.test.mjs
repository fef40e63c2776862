// Tips through the Stripe fake the silo starts when Stripe is not configured: five paid tips to one café
// earn its "regular" badge, on the status endpoint and on the user.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, createCafe, registerMember } from './lib/api.mjs';

/** Reads an order until it is paid: the webhook arrives from the fake on its own, with no event to await. */
async function paid(orderId, token, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const order = await call('GET', `/api/payments/orders/${orderId}`, { token });
    if (order.status !== 'pending') return order;
    if (Date.now() > deadline) throw new Error(`order ${orderId} still pending after ${timeoutMs} ms`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe('tips and badges', () => {
  test('five paid tips to a café earn its regular badge', async () => {
    const owner = await registerMember('owner');
    const cafe = await createCafe(owner);
    const fan = await registerMember('fan');
    for (let i = 0; i < 5; i++) {
      const tip = await call('POST', '/api/payments/tips', {
        token: fan.accessToken, body: { cafeId: cafe.id, amountCents: 300, currency: 'eur', paymentMethod: 'pm_card_visa' },
      });
      assert.ok(tip.paymentIntentId.startsWith('pi_'));
      assert.equal((await paid(tip.orderId, fan.accessToken)).status, 'paid');
    }

    const status = await call('GET', `/api/badges/status?cafeId=${cafe.id}`, { token: fan.accessToken });
    assert.equal(status.tipsThisWeek, 5);
    assert.equal(status.badges.length, 1);
    assert.equal(status.badges[0].type, 'regular');
    const me = await call('GET', '/api/users/me', { token: fan.accessToken });
    assert.ok(me.badges.some(badge => badge.type === 'regular'));
  });

  test('a declined card reaches the client as payment_failed', async () => {
    const owner = await registerMember('owner');
    const cafe = await createCafe(owner);
    await assert.rejects(
      call('POST', '/api/payments/tips', { token: owner.accessToken, body: { cafeId: cafe.id, amountCents: 300, currency: 'eur', paymentMethod: 'pm_card_chargeDeclined' } }),
      error => error.status === 402 && error.code === 'payment_failed');
  });
});
