import { useState, type FormEvent } from 'react';

import { formatMoney } from './format';

interface CardFormProps {
  amountPence: number;
  onTokenize: (card: { cardNumber: string; expiry: string; cvc: string }) => Promise<void>;
}

function luhnValid(cardNumber: string): boolean {
  const digits = cardNumber.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function CardForm({ amountPence, onTokenize }: CardFormProps) {
  const [cardNumber, setCardNumber] = useState('');
  const [expiry, setExpiry] = useState('');
  const [cvc, setCvc] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!luhnValid(cardNumber)) {
      setError('Please check the card number.');
      return;
    }
    setError(null);
    await onTokenize({ cardNumber, expiry, cvc });
    setCvc('');
  }

  return (
    <form onSubmit={submit} autoComplete="on">
      <label htmlFor="cc-number">Card number</label>
      <input
        id="cc-number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        value={cardNumber}
        onChange={(e) => setCardNumber(e.target.value)}
      />
      <label htmlFor="cc-exp">Expiry (MM/YY)</label>
      <input id="cc-exp" autoComplete="cc-exp" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
      <label htmlFor="cc-csc">Security code</label>
      <input id="cc-csc" autoComplete="cc-csc" value={cvc} onChange={(e) => setCvc(e.target.value)} />
      {error && <p role="alert">{error}</p>}
      <button type="submit">Pay {formatMoney(amountPence)}</button>
    </form>
  );
}
