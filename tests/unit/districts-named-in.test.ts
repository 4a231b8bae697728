import { describe, expect, it } from 'vitest';
import { DEFAULT_DISTRICT_NAMES, districtsNamedIn } from '../../src/shared/core/districts';

describe('districtsNamedIn: the owner\'s districts from a free-text SSP area', () => {
  it('finds a district named as whole words, any letter case', () => {
    expect(districtsNamedIn('SSP Amager Vest', DEFAULT_DISTRICT_NAMES)).toEqual(['Amager Vest']);
    expect(districtsNamedIn('nørrebro', DEFAULT_DISTRICT_NAMES)).toEqual(['Nørrebro']);
    expect(districtsNamedIn('SSP Nørrebro og Bispebjerg', DEFAULT_DISTRICT_NAMES)).toEqual(['Nørrebro', 'Bispebjerg']);
    expect(districtsNamedIn('Vesterbro/Kongens Enghave', DEFAULT_DISTRICT_NAMES)).toEqual(['Vesterbro/Kongens Enghave']);
  });
  it('no partial words and nothing for an area that names no district', () => {
    expect(districtsNamedIn('SSP Amager', DEFAULT_DISTRICT_NAMES)).toEqual([]);
    expect(districtsNamedIn('Valbyparken', DEFAULT_DISTRICT_NAMES)).toEqual([]);
    expect(districtsNamedIn('SSP', DEFAULT_DISTRICT_NAMES)).toEqual([]);
  });
  it('a longer name wins over a shorter one inside it', () => {
    expect(districtsNamedIn('SSP Vesterbro/Kongens Enghave', ['Vesterbro', 'Vesterbro/Kongens Enghave'])).toEqual(['Vesterbro/Kongens Enghave']);
  });
});
