/**
 * Which passwords Overleg accepts (issue 8, item 11): at least 12 characters, not guessable by
 * zxcvbn-ts (common and breached passwords, keyboard patterns, repeats, Dutch and English words
 * and names) and free of the person's own name and e-mail address. The dictionaries load on first
 * use (~0.5 s). Levenshtein matching stays off: it makes one check take seconds on this CPU.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as nl from '@zxcvbn-ts/language-nl-be';
import { AppError } from '../errors';
import { MIN_PASSWORD_LENGTH } from './passwords';
import type { Locale } from '../i18n/messages';

/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more. */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;

// Without translations zxcvbn answers with its feedback keys; the message words them per language.
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/** The parts of a name and e-mail address a password must not contain (3+ letters each). */
export function personalParts(person: { name?: string | null; email?: string | null }): string[] {
  const email = (person.email ?? '').toLowerCase();
  const [local = '', domain = ''] = email.split('@');
  const parts = [
    local,
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...domain.split('.').slice(0, -1),
    ...(person.name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u),
  ];
  return [...new Set(parts.filter((p) => p.length >= 3))];
}

type Reason = Record<Locale, string>;
export type PasswordProblem =
  { key: 'auth.passwordTooWeak' | 'auth.passwordHasPersonalInfo' } | { key: 'auth.passwordWeak'; params: { reason: Reason } };

const feedbackText = { nl: nl.translations, en: en.translations } as const;

function reason(result: ZxcvbnResult): Reason {
  const worded = (locale: Locale) => {
    const texts = feedbackText[locale];
    const warning = result.feedback.warning ? texts.warnings[result.feedback.warning as keyof typeof texts.warnings] : null;
    const suggestion = result.feedback.suggestions[0]
      ? texts.suggestions[result.feedback.suggestions[0] as keyof typeof texts.suggestions]
      : null;
    return (
      [warning, suggestion].filter(Boolean).join(' ') ||
      (locale === 'nl' ? 'dit wachtwoord is te makkelijk te raden.' : 'this password is too easy to guess.')
    );
  };
  return { nl: worded('nl'), en: worded('en') };
}

type Person = { name?: string | null; email?: string | null };

/** Null when acceptable, else what is wrong (zxcvbn's feedback, in both languages, as `reason`). */
export function passwordProblem(password: string, person: Person): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { key: 'auth.passwordTooWeak' };
  const parts = personalParts(person);
  const lower = password.toLowerCase();
  if (parts.some((part) => lower.includes(part))) return { key: 'auth.passwordHasPersonalInfo' };
  const result = estimator().check(password.slice(0, 100), parts);
  if (result.score < MIN_SCORE) return { key: 'auth.passwordWeak', params: { reason: reason(result) } };
  return null;
}

/** Throws BAD_REQUEST at the password field when the password is not acceptable. */
export function assertAcceptablePassword(password: string, person: Person, field: string): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new AppError('BAD_REQUEST', problem.key, 'params' in problem ? problem.params : {}, field);
}
