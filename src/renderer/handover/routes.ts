/**
 * The screens of the Overdragelse area: 'index' is this vault's fingerprint and the known
 * colleagues; 'send' hands a young person over (from their case, or chosen here); 'receive' opens
 * a bundle; 'receipt' opens a receipt.
 */
export type HandoverScreen = { screen: 'index' } | { screen: 'send'; person?: { personId: number; name: string } } | { screen: 'receive' } | { screen: 'receipt' };

export type HandoverScreenId = HandoverScreen['screen'];
