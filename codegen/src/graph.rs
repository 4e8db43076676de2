//! Strongly connected components of a directed graph, without recursion (a spec may name
//! thousands of types, and a recursive walk over them could exhaust the stack).
//!
//! Used by the checker (cycles of types that Rust or serde cannot express) and by the emitter
//! (which fields must be boxed).

/// The strongly connected components of the graph with nodes `0..edges.len()` and an edge
/// `a → b` for each `b` in `edges[a]` (targets out of range are ignored).
///
/// Returns each node's component id. Components are numbered in reverse topological order:
/// every component reachable from component `c` (other than `c`) has a smaller id than `c`.
pub(crate) fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    // The explicit call stack: a node and how many of its edges were followed.
    let mut calls: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        calls.push((root, 0));
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut followed)) = calls.last_mut() {
            if let Some(&target) = edges[node].get(*followed) {
                *followed += 1;
                if target >= n {
                    continue;
                }
                if index[target] == UNSEEN {
                    index[target] = next_index;
                    low[target] = next_index;
                    next_index += 1;
                    stack.push(target);
                    on_stack[target] = true;
                    calls.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(index[target]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

/// Whether each node lies on a cycle: its component has two or more nodes, or it has an edge
/// to itself.
pub(crate) fn on_cycle(edges: &[Vec<usize>], component: &[usize]) -> Vec<bool> {
    let mut size = vec![0usize; component.iter().map(|c| c + 1).max().unwrap_or(0)];
    for &c in component {
        size[c] += 1;
    }
    (0..edges.len())
        .map(|node| size[component[node]] > 1 || edges[node].contains(&node))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_and_cycles() {
        // 0 → 1 → 2 → 0, 2 → 3, 3 → 3, 4 alone, 5 → 4.
        let edges = vec![vec![1], vec![2], vec![0, 3], vec![3], vec![], vec![4]];
        let c = components(&edges);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_ne!(c[2], c[3]);
        assert_ne!(c[3], c[4]);
        // Reverse topological: 3 is reachable from 0's component, 4 from 5's.
        assert!(c[3] < c[0]);
        assert!(c[4] < c[5]);
        assert_eq!(on_cycle(&edges, &c), [true, true, true, true, false, false]);
    }

    #[test]
    fn long_chains_do_not_recurse() {
        let n = 200_000;
        let edges: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + 1) % n]).collect();
        let c = components(&edges);
        assert!(c.iter().all(|&x| x == c[0]));
        let chain: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
            .collect();
        let c = components(&chain);
        assert!(on_cycle(&chain, &c).iter().all(|&x| !x));
    }
}
