import type { InputHTMLAttributes } from 'react';
import { SearchIcon } from './icons.tsx';

type SearchFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
};

/** A search box: labelled for assistive technology, with a magnifier, typed in either direction. */
export function SearchField({ label, value, onChange, className, ...rest }: SearchFieldProps) {
  return (
    <div className={className ? `search-field ${className}` : 'search-field'}>
      <SearchIcon />
      <input
        {...rest}
        type="search"
        dir="auto"
        value={value}
        aria-label={label}
        placeholder={rest.placeholder ?? label}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
