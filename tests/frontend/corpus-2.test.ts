import { describeCorpusShard } from './corpus-shard';

describeCorpusShard(1, 2);
