// The renderer's one view of my organizations and teams: the list filters, the display names of
// organizations and teams everywhere, the drop overlay and the upload sheet all read it.
import { useQuery } from '@tanstack/react-query';
import { call } from '../ouro';
import { queryKeys } from './keys';

export function useDestinations() {
  return useQuery({ queryKey: queryKeys.destinations(), queryFn: () => call('uploads:destinations'), staleTime: 60_000 });
}
