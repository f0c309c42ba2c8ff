import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildSamplePlan } from '../../../src/domain/sample';
import { ScenarioCompare } from '../../../src/features/finder/ScenarioCompare';

const sample = buildSamplePlan();
const compareValues = () => screen.getAllByRole('combobox').map((s) => (s as HTMLSelectElement).value);

describe('ScenarioCompare', () => {
  it('compares the first two scenarios once they arrive, though it mounted before the plan had loaded', () => {
    const { rerender } = render(<ScenarioCompare plan={{ ...sample, scenarios: [] }} />);
    expect(compareValues()).toEqual(['__plan__', '__plan__']);
    rerender(<ScenarioCompare plan={sample} />);
    expect(compareValues()).toEqual([sample.scenarios[0]!.id, sample.scenarios[1]!.id]);
    expect(screen.getByRole('row', { name: /Xi state visit to the United States/ })).toBeInTheDocument();
  });

  it('keeps what the user chose, and goes back to the first scenario when the chosen one is deleted', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<ScenarioCompare plan={sample} />);
    const [first] = screen.getAllByRole('combobox');
    await user.selectOptions(first!, sample.scenarios[1]!.id);
    rerender(<ScenarioCompare plan={{ ...sample }} />);
    expect(compareValues()[0]).toBe(sample.scenarios[1]!.id);
    rerender(<ScenarioCompare plan={{ ...sample, scenarios: [sample.scenarios[0]!] }} />);
    expect(compareValues()).toEqual([sample.scenarios[0]!.id, '__plan__']);
  });
});
