/** The rule registry. A meta test checks every rule file is listed here, once. */
import type { Rule } from '../rule';
import { rule as missingOwner } from './missing-owner';
import { rule as missingMetric } from './missing-metric';
import { rule as missingDeadline } from './missing-deadline';
import { rule as vagueOwner } from './vague-owner';
import { rule as vagueDeadline } from './vague-deadline';
import { rule as invalidDeadline } from './invalid-deadline';
import { rule as pastDeadline } from './past-deadline';
import { rule as unmeasurableMetric } from './unmeasurable-metric';
import { rule as missingNet } from './missing-net';
import { rule as unknownNet } from './unknown-net';
import { rule as duplicateNet } from './duplicate-net';
import { rule as emptyNet } from './empty-net';
import { rule as measureOutsideNet } from './measure-outside-net';
import { rule as unfilledPlaceholder } from './unfilled-placeholder';
import { rule as encodingArtifact } from './encoding-artifact';

export const RULES: readonly Rule[] = [
  missingOwner,
  missingMetric,
  missingDeadline,
  vagueOwner,
  vagueDeadline,
  invalidDeadline,
  pastDeadline,
  unmeasurableMetric,
  missingNet,
  unknownNet,
  duplicateNet,
  emptyNet,
  measureOutsideNet,
  unfilledPlaceholder,
  encodingArtifact,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
