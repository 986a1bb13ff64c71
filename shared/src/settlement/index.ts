export * from './compose-statement';
export * from './ownership-spans';
export * from './settlement-periods';
export * from './statement-figures';
