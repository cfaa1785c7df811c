import { useState } from 'react';

export function LoginForm({ onSubmit }: { onSubmit: (email: string, password: string) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form onSubmit={() => onSubmit(email, password)}>
      <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <input
        // expect: password-input-element
        type="password"
        // expect: password-input-element
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit">Sign in</button>
    </form>
  );
}

export function SearchBox({ onSearch }: { onSearch: (q: string) => void }) {
  return (
    // ok: password-input-element
    <input type="search" autoComplete="off" onChange={(e) => onSearch(e.target.value)} />
  );
}

export function PasswordStrengthHint({ score }: { score: number }) {
  // ok: password-input-element
  return <meter type="password-strength" min={0} max={4} value={score} />;
}
