/**
 * The centrality factor of the priority: the mean of scaled PageRank and scaled betweenness,
 * in [0, 1] (each is divided by its maximum in the graph; see `segmentCentrality`).
 *
 * @param pagerank - scaled PageRank in [0, 1]
 * @param betweenness - scaled betweenness in [0, 1]
 * @returns the mean, in [0, 1]
 * @example
 * centralityFactor(1, 0.5); // 0.75
 */
export function centralityFactor(pagerank: number, betweenness: number): number {
  return (pagerank + betweenness) / 2;
}
